import { describe, expect, it } from "vitest";
import { linkFacets, postRecord } from "./bluesky-record";

const bytes = (s: string) => Buffer.byteLength(s, "utf8");

describe("postRecord", () => {
  it("measures link facets in UTF-8 bytes, after emoji and accents", () => {
    const before = "🚀 Stashbox a dépassé 1 000 000 : ";
    const url = "https://stashbox.example/blog";
    const text = `${before}${url}. Merci ! https://status.stashbox.example`;
    const facets = linkFacets(text);

    expect(facets).toHaveLength(2);
    expect(facets[0]).toEqual({
      index: { byteStart: bytes(before), byteEnd: bytes(before) + bytes(url) },
      features: [{ $type: "app.bsky.richtext.facet#link", uri: url }],
    });
    expect(facets[1]!.index.byteEnd).toBe(bytes(text));
  });

  it("leaves mentions and tags out, and facets out entirely when there is no link", () => {
    const record = postRecord({
      text: "Thanks @someone.bsky.social #launch",
      createdAt: new Date("2025-03-04T05:06:07.089Z"),
    });
    expect(record).toEqual({
      $type: "app.bsky.feed.post",
      text: "Thanks @someone.bsky.social #launch",
      createdAt: "2025-03-04T05:06:07.089Z",
    });
  });
});
