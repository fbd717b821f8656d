// Stored rank samples as the dashboard reads them: one row shape, one conversion to JSON.
import type { RankPoint } from "@/lib/rank/rank-page-types";

export type RankRow = {
  at: Date;
  kind: RankPoint["kind"];
  rank: number | null;
  bucket_min: number | null;
  bucket_max: number | null;
};

export function toRankPoint(row: RankRow): RankPoint {
  return {
    at: row.at.toISOString(),
    kind: row.kind,
    rank: row.rank,
    bucketMin: row.bucket_min,
    bucketMax: row.bucket_max,
  };
}

/** Places gained from `earlier` to `now` (positive: climbed); null unless both are exact. */
export function placesGained(earlier: number | null, now: number | null): number | null {
  return earlier === null || now === null ? null : earlier - now;
}
