// Choosing what to show from a list of rank summaries.
import type { RankSummary } from "@/lib/dashboard/types";

/** Lower is better; buckets count by their upper bound, unranked last. */
function rankScore(summary: RankSummary): number {
  if (summary.kind === "exact" && summary.rank !== null) return summary.rank;
  if (summary.kind === "bucket") {
    // A bucket "top 5,000" is at worst 5,000; an open bucket ">200,000" is beyond its floor.
    if (summary.bucketMax !== null) return summary.bucketMax + 0.5;
    if (summary.bucketMin !== null) return summary.bucketMin + 1;
  }
  return Number.POSITIVE_INFINITY;
}

/** One global rank per source (the best if a source reports several), sorted best first. */
export function globalRanksBySource(ranks: RankSummary[]): RankSummary[] {
  const bySource = new Map<string, RankSummary>();
  for (const summary of ranks) {
    if (summary.scope !== "global") continue;
    const current = bySource.get(summary.source);
    if (!current || rankScore(summary) < rankScore(current)) bySource.set(summary.source, summary);
  }
  return [...bySource.values()].sort(
    (a, b) => rankScore(a) - rankScore(b) || a.source.localeCompare(b.source),
  );
}

/** The best global rank over all sources, or null when no source ranks the service. */
export function bestGlobalRank(ranks: RankSummary[]): RankSummary | null {
  const best = globalRanksBySource(ranks)[0];
  return best && best.kind !== "unranked" && rankScore(best) !== Number.POSITIVE_INFINITY
    ? best
    : null;
}
