import type { Database } from "@/lib/database/client";
import { checkStatus } from "./check-status";
import type { ProbeResult } from "./probe-http";

/** Stores one check result; (monitor, at) is its natural key. */
export async function recordCheck(
  db: Database,
  monitorKey: string,
  at: Date,
  result: ProbeResult,
): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "check" (monitor_id, at, status, latency_ms, http_status, error)
    SELECT id, ${at}, ${checkStatus[result.status]}::smallint, ${result.latencyMs}, ${result.httpStatus}::smallint, ${result.error}
    FROM monitor WHERE key = ${monitorKey}
    ON CONFLICT (monitor_id, at) DO NOTHING`;
}

/** Keys of monitors whose last check is older than their interval (or that have none). */
export async function dueMonitorKeys(db: Database, now: Date): Promise<Set<string>> {
  const rows = await db.$queryRaw<{ key: string }[]>`
    SELECT m.key FROM monitor m
    LEFT JOIN LATERAL (SELECT max(at) AS last FROM "check" c WHERE c.monitor_id = m.id) l ON true
    WHERE m.enabled AND (l.last IS NULL OR l.last <= ${now}::timestamptz - make_interval(secs => m.interval_seconds - 1))`;
  return new Set(rows.map((r) => r.key));
}
