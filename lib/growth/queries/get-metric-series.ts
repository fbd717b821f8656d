// A metric over a range, bucketed by minute, hour or day in the viewer's time zone, in SQL, from
// the rollups: minutes from minute rollups; hours and days from hour rollups when the zone is a
// whole number of hours from UTC over the range (else from minute rollups, e.g. Asia/Kolkata).
import type { Database } from "@/lib/database/client";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { type BucketUnit, bucketStart, isValidTimeZone, zoneOffsetMinutes } from "@/lib/time/zone";
import { fillSeries, type SeriesPoint } from "./fill-series";

export type SeriesQuery = {
  metric: string;
  from: Date;
  to: Date;
  unit: BucketUnit;
  timeZone: string;
};

/** Most buckets one query may return: a year of hours is 8,784. */
export const maxBuckets = 10_000;

const bucketMs: Record<BucketUnit, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

function sourceLevel(query: SeriesQuery): "minute" | "hour" {
  if (query.unit === "minute") return "minute";
  const whole = [query.from, query.to].every(
    (t) => zoneOffsetMinutes(t, query.timeZone) % 60 === 0,
  );
  return whole ? "hour" : "minute";
}

export async function getMetricSeries(db: Database, asked: SeriesQuery): Promise<SeriesPoint[]> {
  if (!isValidTimeZone(asked.timeZone)) {
    throw new ValidationError(`timeZone: expected an IANA time zone, found "${asked.timeZone}"`);
  }
  // Whole buckets only: the range starts where the bucket holding `from` starts.
  const query = { ...asked, from: bucketStart(asked.from, asked.unit, asked.timeZone) };
  if (!(query.from < query.to)) throw new ValidationError("from: expected a time before to");
  if ((query.to.getTime() - query.from.getTime()) / bucketMs[query.unit] > maxBuckets) {
    throw new ValidationError(
      `unit: ${query.unit} buckets over this range would be more than ${maxBuckets}; choose a larger unit`,
    );
  }
  const [metric] = await db.$queryRaw<
    { id: number }[]
  >`SELECT id FROM metric WHERE key = ${query.metric}`;
  if (!metric) throw new NotFoundError(`No metric "${query.metric}"`);
  const level = sourceLevel(query);
  const rows = await db.$queryRaw<{ start: Date; increase: number; last: number }[]>`
    SELECT date_trunc(${query.unit}, start, ${query.timeZone}) AS start,
           sum(increase)::float8 AS increase,
           (array_agg(last ORDER BY last_at DESC))[1]::float8 AS last
    FROM metric_rollup
    WHERE metric_id = ${metric.id} AND bucket = ${level}::rollup_bucket
      AND start >= ${query.from} AND start < ${query.to}
    GROUP BY 1
    ORDER BY 1`;
  return fillSeries(rows, query.from, query.to, query.unit, query.timeZone);
}
