import { describe, expect, it } from "vitest";
import type { RankSummary } from "@/lib/dashboard/types";
import { bestGlobalRank, globalRanksBySource } from "./ranks";

const at = "2025-03-04T12:00:00Z";
const rank = (over: Partial<RankSummary>): RankSummary => ({
  source: "tranco",
  scope: "global",
  kind: "exact",
  rank: null,
  bucketMin: null,
  bucketMax: null,
  at,
  change24h: null,
  change7d: null,
  ...over,
});

describe("globalRanksBySource", () => {
  it("keeps one global rank per source, best first", () => {
    const ranks = [
      rank({ source: "cloudflare", kind: "bucket", bucketMin: 1_001, bucketMax: 5_000 }),
      rank({ source: "tranco", rank: 141 }),
      rank({ source: "tranco", scope: "us", rank: 12 }),
      rank({ source: "similarweb", kind: "unranked" }),
    ];
    expect(globalRanksBySource(ranks).map((r) => r.source)).toEqual([
      "tranco",
      "cloudflare",
      "similarweb",
    ]);
  });

  it("ranks an open bucket behind its floor", () => {
    const ranks = [
      rank({ source: "a", kind: "bucket", bucketMin: 200_000 }),
      rank({ source: "b", rank: 199_000 }),
    ];
    expect(globalRanksBySource(ranks).map((r) => r.source)).toEqual(["b", "a"]);
  });
});

describe("bestGlobalRank", () => {
  it("is null when nothing ranks the service", () => {
    expect(bestGlobalRank([])).toBeNull();
    expect(bestGlobalRank([rank({ kind: "unranked" })])).toBeNull();
    expect(bestGlobalRank([rank({ scope: "de", rank: 3 })])).toBeNull();
  });

  it("prefers an exact rank over a looser bucket", () => {
    const best = bestGlobalRank([
      rank({ source: "cloudflare", kind: "bucket", bucketMax: 200 }),
      rank({ source: "tranco", rank: 141 }),
    ]);
    expect(best?.source).toBe("tranco");
  });
});
