// Latency p50/p95 per monitor over [from, to] from one rollup level: minute rollups for a day or
// less, hour rollups beyond (2,160 points a monitor for 90 days). Never raw checks.
import type { Database } from "@/lib/database/client";
import type { LatencyPoint } from "./uptime-page-types";

export type LatencyUnit = "minute" | "hour";

export async function getLatencySeries(
  db: Database,
  monitorIds: number[],
  unit: LatencyUnit,
  from: Date,
  to: Date,
): Promise<Map<number, LatencyPoint[]>> {
  const series = new Map<number, LatencyPoint[]>(monitorIds.map((id) => [id, []]));
  if (!monitorIds.length) return series;
  const rows = await db.$queryRaw<
    { monitor_id: number; start: Date; p50: number | null; p95: number | null }[]
  >`
    SELECT r.monitor_id, r.start, r.latency_p50 AS p50, r.latency_p95 AS p95
    FROM unnest(${monitorIds}::int[]) AS m(id)
    JOIN check_rollup r ON r.monitor_id = m.id AND r.bucket = ${unit}::rollup_bucket
      AND r.start >= date_bin(${unit === "minute" ? "1 minute" : "1 hour"}::interval, ${from}::timestamptz, timestamptz 'epoch')
      AND r.start <= ${to}
    ORDER BY r.monitor_id, r.start`;
  for (const row of rows) {
    series.get(row.monitor_id)?.push({ at: row.start.toISOString(), p50: row.p50, p95: row.p95 });
  }
  return series;
}
