// Gap filling, before a series reaches a chart: every bucket of the range appears once.
import { type BucketUnit, bucketStart, nextBucket } from "@/lib/time/zone";

export type SeriesPoint = { start: Date; increase: number; last: number | null };

/**
 * Every bucket from the one holding `from` up to `to` (exclusive), in `timeZone`. A bucket
 * without data has no increase and carries the last known value forward (null before any).
 */
export function fillSeries(
  points: SeriesPoint[],
  from: Date,
  to: Date,
  unit: BucketUnit,
  timeZone: string,
): SeriesPoint[] {
  const byStart = new Map(points.map((p) => [p.start.getTime(), p]));
  const filled: SeriesPoint[] = [];
  let last: number | null = null;
  for (
    let start = bucketStart(from, unit, timeZone);
    start < to;
    start = nextBucket(start, unit, timeZone)
  ) {
    const point = byStart.get(start.getTime());
    if (point?.last !== undefined && point.last !== null) last = point.last;
    filled.push({ start, increase: point?.increase ?? 0, last });
  }
  return filled;
}
