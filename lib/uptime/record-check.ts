import type { Database } from "@/lib/database/client";
import { checkStatus } from "./check-status";
import { refreshCheckRollups } from "./check-rollups";
import { isCheckDue } from "./check-slots";
import type { ProbeResult } from "./probe-result";

/**
 * Stores one check result, (monitor, at) its natural key, and brings the minute, hour and day
 * rollups it falls in up to date, in one transaction.
 */
export async function recordCheck(
  db: Database,
  monitorKey: string,
  at: Date,
  result: ProbeResult,
): Promise<void> {
  await db.$transaction(
    async (tx) => {
      const [monitor] = await tx.$queryRaw<{ id: number }[]>`
      SELECT id FROM monitor WHERE key = ${monitorKey}`;
      if (!monitor) {
        throw new Error(
          `monitor ${monitorKey}: not in the database (is the configuration synced?)`,
        );
      }
      await tx.$executeRaw`
      INSERT INTO "check" (monitor_id, at, status, latency_ms, http_status, error)
      VALUES (${monitor.id}, ${at}, ${checkStatus[result.status]}::smallint, ${result.latencyMs},
              ${result.httpStatus}::smallint, ${result.error?.slice(0, 300) ?? null})
      ON CONFLICT (monitor_id, at) DO NOTHING`;
      await refreshCheckRollups(tx, monitor.id, at, at);
    },
    // Many monitors finishing at once queue for the pool's connections: wait, do not give up.
    { maxWait: 30_000 },
  );
}

/** Keys of the enabled monitors due for a check (check-slots.ts says when). */
export async function dueMonitorKeys(db: Database, now: Date): Promise<Set<string>> {
  const rows = await db.$queryRaw<{ key: string; intervalSeconds: number; last: Date | null }[]>`
    SELECT m.key, m.interval_seconds AS "intervalSeconds", l.last FROM monitor m
    LEFT JOIN LATERAL (SELECT max(at) AS last FROM "check" c WHERE c.monitor_id = m.id) l ON true
    WHERE m.enabled`;
  const due = rows.filter((r) =>
    isCheckDue({ key: r.key, intervalMs: r.intervalSeconds * 1_000 }, r.last, now),
  );
  return new Set(due.map((r) => r.key));
}
