// The newest failed checks of each monitor in the range, with their error text. The hour rollups
// say which hours had failures; only the checks of the newest five such hours are read, so a quiet
// month is never scanned check by check.
import type { Database } from "@/lib/database/client";
import { checkStatus } from "../check-status";
import type { FailedCheck } from "./uptime-page-types";

const PER_MONITOR = 5;

type Row = {
  monitor_id: number;
  at: Date;
  http_status: number | null;
  latency_ms: number | null;
  error: string | null;
};

export async function getRecentFailures(
  db: Database,
  monitorIds: number[],
  from: Date,
  to: Date,
): Promise<Map<number, FailedCheck[]>> {
  const failures = new Map<number, FailedCheck[]>(monitorIds.map((id) => [id, []]));
  if (!monitorIds.length) return failures;
  const rows = await db.$queryRaw<Row[]>`
    SELECT m.id AS monitor_id, f.at, f.http_status, f.latency_ms, f.error
    FROM unnest(${monitorIds}::int[]) AS m(id)
    CROSS JOIN LATERAL (
      SELECT r.start FROM check_rollup r
      WHERE r.monitor_id = m.id AND r.bucket = 'hour' AND r.failed_count > 0
        AND r.start >= date_bin('1 hour', ${from}::timestamptz, timestamptz 'epoch') AND r.start <= ${to}
      ORDER BY r.start DESC LIMIT ${PER_MONITOR}
    ) h
    CROSS JOIN LATERAL (
      SELECT c.at, c.http_status, c.latency_ms, c.error FROM "check" c
      WHERE c.monitor_id = m.id AND c.status = ${checkStatus.down}
        AND c.at >= greatest(h.start, ${from}) AND c.at < h.start + interval '1 hour' AND c.at <= ${to}
      ORDER BY c.at DESC LIMIT ${PER_MONITOR}
    ) f
    ORDER BY m.id, f.at DESC`;
  for (const row of rows) {
    const list = failures.get(row.monitor_id);
    if (!list || list.length >= PER_MONITOR) continue;
    list.push({
      at: row.at.toISOString(),
      httpStatus: row.http_status,
      latencyMs: row.latency_ms,
      error: row.error,
    });
  }
  return failures;
}
