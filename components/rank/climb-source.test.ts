import { describe, expect, it } from "vitest";
import type { RankPoint, RankSeries } from "@/lib/rank/rank-page-types";
import { chooseClimbSource, climbSources } from "./climb-source";
import { sourceView } from "./rank-test-data";

const point = (kind: RankPoint["kind"], day: number): RankPoint => ({
  at: new Date(Date.UTC(2026, 2, 1 + day)).toISOString(),
  kind,
  rank: kind === "exact" ? 100 : null,
  bucketMin: kind === "bucket" ? 1 : null,
  bucketMax: kind === "bucket" ? 5000 : null,
});
const series = (source: string, isService: boolean, kinds: RankPoint["kind"][]): RankSeries => ({
  source,
  domain: isService ? "stashbox.test" : "dropfile.test",
  isService,
  points: kinds.map((kind, day) => point(kind, day)),
});
const sources = [
  sourceView("radar", "Cloudflare Radar"),
  sourceView("tranco", "Tranco"),
  sourceView("crux", "CrUX"),
  sourceView("alexa", "Alexa"),
];

describe("the climb chart's source", () => {
  const data = {
    sources,
    series: [
      series("tranco", true, ["exact", "exact", "bucket"]),
      series("crux", true, ["bucket", "bucket", "bucket", "bucket"]),
      series("radar", true, ["bucket", "exact"]),
      // A competitor's exact places say nothing about the service.
      series("radar", false, ["exact", "exact", "exact", "exact"]),
    ],
  };

  it("lists the sources with data, in the configured order, with what each gives the service", () => {
    expect(climbSources(data)).toEqual([
      { key: "radar", name: "Cloudflare Radar", exact: 1, buckets: 1 },
      { key: "tranco", name: "Tranco", exact: 2, buckets: 1 },
      { key: "crux", name: "CrUX", exact: 0, buckets: 4 },
    ]);
  });

  it("draws the source with the most exact places for the service unless the URL names another", () => {
    const listed = climbSources(data);
    expect(chooseClimbSource(listed, null)).toBe("tranco");
    expect(chooseClimbSource(listed, "crux")).toBe("crux");
    // A source with nothing in the range, or none at all, falls back to the best.
    expect(chooseClimbSource(listed, "alexa")).toBe("tranco");
    expect(chooseClimbSource([], null)).toBeNull();
  });

  it("prefers buckets to nothing when no source gives an exact place", () => {
    const listed = climbSources({ sources, series: [series("crux", true, ["bucket"])] });
    expect(chooseClimbSource(listed, null)).toBe("crux");
  });
});
