import { describe, expect, it } from "vitest";
import snapshotJson from "@/tests/fixtures/status/snapshot.json";
import type { ServedSnapshot, StatusSnapshot } from "./status-types";
import { v2Status } from "./statuspage-v2";
import { etagMatches, snapshotResponse } from "./v2-route";

const served: ServedSnapshot = {
  snapshot: snapshotJson as StatusSnapshot,
  ageMs: 4_700,
  stale: false,
  etag: '"abc"',
};
const get = (headers: Record<string, string> = {}) =>
  new Request("http://liftoff.test/api/v2/status.json", { headers });

describe("answers from the snapshot", () => {
  it("are cacheable JSON open to every origin, with the snapshot's age", async () => {
    const response = snapshotResponse(get(), served, v2Status);
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "application/json",
      "cache-control": "public, max-age=0, s-maxage=10, stale-if-error=86400",
      etag: '"abc"',
      "access-control-allow-origin": "*",
      "x-liftoff-snapshot-age": "4",
      "x-liftoff-snapshot-stale": "false",
    });
    expect(await response.json()).toEqual(v2Status(served.snapshot));
  });

  it("answer 304 without a body when the client has this version", async () => {
    const response = snapshotResponse(get({ "if-none-match": '"old", "abc"' }), served, v2Status);
    expect(response.status).toBe(304);
    expect(await response.text()).toBe("");
    expect(response.headers.get("etag")).toBe('"abc"');
  });

  it("match ETags as HTTP does", () => {
    expect(etagMatches('W/"abc"', '"abc"')).toBe(true);
    expect(etagMatches("*", '"abc"')).toBe(true);
    expect(etagMatches('"abcd"', '"abc"')).toBe(false);
    expect(etagMatches(null, '"abc"')).toBe(false);
  });
});

describe("rendering", () => {
  it("happens once per snapshot, however many requests ask", async () => {
    let calls = 0;
    const body = (snapshot: StatusSnapshot) => {
      calls += 1;
      return { name: snapshot.page.name };
    };
    for (let i = 0; i < 3; i++) await snapshotResponse(get(), served, body).json();
    expect(calls).toBe(1);
    const next = { ...served, etag: '"def"' };
    expect(await snapshotResponse(get(), next, body).json()).toEqual({ name: "Stashbox" });
    expect(calls).toBe(2);
  });
});
