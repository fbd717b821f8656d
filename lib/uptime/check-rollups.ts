// Per-monitor rollups of checks by minute, hour and day (UTC-aligned, like the metric rollups):
// counts by status and latency p50/p95. Percentiles do not add up across buckets, so every level
// is computed from the raw checks of its bucket, in SQL, and upserted on its natural key
// (monitor, bucket, start): recomputing a bucket is always safe. Rollups are kept for good; raw
// checks expire (prune-checks.ts), which rebuilds the rollups of a day before deleting its checks.
// Percentiles interpolate (percentile_cont) over checks with a latency, rounded half away from 0.
import type { Database } from "@/lib/database/client";

/** A transaction, or the client itself. */
export type Tx = Pick<Database, "$queryRaw" | "$executeRaw">;

/** Rebuilds every minute, hour and day rollup of `monitorId` whose bucket touches [from, to]. */
export async function refreshCheckRollups(
  tx: Tx,
  monitorId: number,
  from: Date,
  to: Date,
): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO check_rollup (monitor_id, bucket, start, ok_count, degraded_count, failed_count, latency_p50, latency_p95)
    SELECT c.monitor_id, w.bucket, date_bin(w.width, c.at, timestamptz 'epoch'),
           count(*) FILTER (WHERE c.status = 0)::int,
           count(*) FILTER (WHERE c.status = 1)::int,
           count(*) FILTER (WHERE c.status = 2)::int,
           round((percentile_cont(0.5) WITHIN GROUP (ORDER BY c.latency_ms))::numeric)::int,
           round((percentile_cont(0.95) WITHIN GROUP (ORDER BY c.latency_ms))::numeric)::int
    FROM (VALUES ('minute'::rollup_bucket, interval '1 minute'),
                 ('hour'::rollup_bucket, interval '1 hour'),
                 ('day'::rollup_bucket, interval '1 day')) AS w(bucket, width)
    JOIN "check" c ON c.monitor_id = ${monitorId}
      AND c.at >= date_bin(w.width, ${from}::timestamptz, timestamptz 'epoch')
      AND c.at < date_bin(w.width, ${to}::timestamptz, timestamptz 'epoch') + w.width
    GROUP BY c.monitor_id, w.bucket, 3
    ON CONFLICT (monitor_id, bucket, start) DO UPDATE SET
      ok_count = excluded.ok_count, degraded_count = excluded.degraded_count,
      failed_count = excluded.failed_count, latency_p50 = excluded.latency_p50,
      latency_p95 = excluded.latency_p95`;
}
