// The Rank page's range when none is asked for: the shortest that holds every stored sample, so a
// week of data fills a 7 d chart rather than the last quarter of a 30 d one.
import type { RankRange } from "@/lib/rank/rank-page-types";

const DAY = 86_400_000;
export const rankRangeSpans: Record<Exclude<RankRange, "all">, number> = {
  "7d": 7 * DAY,
  "30d": 30 * DAY,
  "90d": 90 * DAY,
};

/** The shortest of 7 d and 30 d that holds `first`..`last`; 90 d past that (the recent climb). */
export function fitRankRange(first: Date, last: Date): Exclude<RankRange, "all"> {
  const extent = last.getTime() - first.getTime();
  return (["7d", "30d"] as const).find((range) => extent <= rankRangeSpans[range]) ?? "90d";
}
