// A metric's increase per hour, or per day in the configured time zone, from its hourly rollups
// (a year is under 9,000 rows). Days are summed from UTC hours, so in a zone offset by a
// half-hour a day's edges are off by that half-hour.
import type { Database } from "@/lib/database/client";
import type { PeriodIncrease } from "../velocity-rules";

export async function readPeriodIncreases(
  db: Database,
  metric: string,
  period: "day" | "hour",
  timeZone: string,
): Promise<PeriodIncrease[]> {
  if (period === "hour") {
    return db.$queryRaw<PeriodIncrease[]>`
      SELECT r.start, r.start + interval '1 hour' AS "end", r.increase
      FROM metric_rollup r JOIN metric m ON m.id = r.metric_id
      WHERE m.key = ${metric} AND r.bucket = 'hour' ORDER BY r.start`;
  }
  return db.$queryRaw<PeriodIncrease[]>`
    SELECT date_trunc('day', r.start AT TIME ZONE ${timeZone}) AT TIME ZONE ${timeZone} AS start,
           (date_trunc('day', r.start AT TIME ZONE ${timeZone}) + interval '1 day') AT TIME ZONE ${timeZone} AS "end",
           sum(r.increase)::float8 AS increase
    FROM metric_rollup r JOIN metric m ON m.id = r.metric_id
    WHERE m.key = ${metric} AND r.bucket = 'hour'
    GROUP BY 1, 2 ORDER BY 1`;
}
