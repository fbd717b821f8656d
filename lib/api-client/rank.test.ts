import { describe, expect, it } from "vitest";
import {
  describeRankChange,
  parseRankState,
  rankOrder,
  rankPath,
  rankQuery,
  rankSearch,
  withCompetitor,
} from "./rank";

const params = (search: string) => new URLSearchParams(search);
const exact = (rank: number) => ({
  kind: "exact" as const,
  rank,
  bucketMin: null,
  bucketMax: null,
});

describe("rank page state", () => {
  it("reads the range, the source and hidden competitors from the URL", () => {
    expect(
      parseRankState(params("range=7d&source=majestic&hide=dropfile.test,Boxcloud.test")),
    ).toEqual({
      range: "7d",
      source: "majestic",
      hidden: ["boxcloud.test", "dropfile.test"],
    });
  });

  it("leaves an unknown range or source to the data and drops what is not a domain", () => {
    expect(parseRankState(params("range=1y&source=<b>&hide=<script>,,a.test,a.test"))).toEqual({
      range: null,
      source: null,
      hidden: ["a.test"],
    });
    expect(parseRankState(params(""))).toEqual({ range: null, source: null, hidden: [] });
  });

  it("writes the state back in a fixed order that parses to the same state", () => {
    const state = {
      range: "90d" as const,
      source: "tranco",
      hidden: ["dropfile.test", "boxcloud.test"],
    };
    expect(rankSearch(state)).toBe("range=90d&source=tranco&hide=boxcloud.test,dropfile.test");
    expect(parseRankState(params(rankSearch(state)))).toEqual({
      range: "90d",
      source: "tranco",
      hidden: ["boxcloud.test", "dropfile.test"],
    });
    expect(rankSearch({ range: "all", source: null, hidden: [] })).toBe("range=all");
    expect(rankSearch({ range: null, source: null, hidden: [] })).toBe("");
  });

  it("toggles a competitor off and on again", () => {
    const off = withCompetitor({ range: null, source: null, hidden: [] }, "dropfile.test", false);
    expect(off.hidden).toEqual(["dropfile.test"]);
    expect(withCompetitor(off, "dropfile.test", false).hidden).toEqual(["dropfile.test"]);
    expect(withCompetitor(off, "dropfile.test", true).hidden).toEqual([]);
  });

  it("asks the API for the range only, under a key per range, every minute", () => {
    expect(rankPath("7d")).toBe("/api/rank?range=7d");
    const query = rankQuery("7d");
    expect(query.queryKey).toEqual(["rank", "page", "7d"]);
    expect(query.refetchInterval).toBe(60_000);
    expect(query.refetchOnWindowFocus).toBe(false);
  });

  it("leaves the range to the server when none is chosen", () => {
    expect(rankPath(null)).toBe("/api/rank");
    expect(rankQuery(null).queryKey).toEqual(["rank", "page", "fitted"]);
  });
});

describe("describeRankChange", () => {
  it("shows a climb as a green up arrow and a fall as a red down arrow", () => {
    expect(describeRankChange(1234, "7d", exact(141))).toEqual({
      text: "▲ 1,234",
      tone: "up",
      title: "Climbed 1,234 places in 7 d",
    });
    expect(describeRankChange(-1, "24h", exact(142))).toMatchObject({
      text: "▼ 1",
      tone: "down",
      title: "Fell 1 place in 24 h",
    });
    expect(describeRankChange(0, "24h", exact(141)).text).toBe("±0");
  });

  it("says why there is no change", () => {
    const bucket = { kind: "bucket" as const, rank: null, bucketMin: 1001, bucketMax: 5000 };
    expect(describeRankChange(null, "7d", bucket)).toMatchObject({ text: "—", tone: "none" });
    expect(describeRankChange(null, "7d", bucket).title).toContain("bucket (top 5,000)");
    expect(describeRankChange(null, "24h", exact(141)).title).toBe(
      "No exact rank from 24 h before the latest sample to compare with",
    );
    expect(describeRankChange(null, "24h", null).title).toBe("No sample yet");
  });
});

describe("rankOrder", () => {
  it("orders exact ranks, then buckets by their worst place, unranked last", () => {
    const unranked = { kind: "unranked" as const, rank: null, bucketMin: null, bucketMax: null };
    const top5k = { kind: "bucket" as const, rank: null, bucketMin: 1001, bucketMax: 5000 };
    const sorted = [unranked, top5k, exact(4999), exact(1)].sort(
      (a, b) => rankOrder(a) - rankOrder(b),
    );
    expect(sorted).toEqual([exact(1), exact(4999), top5k, unranked]);
  });
});
