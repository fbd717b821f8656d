// Keeps a monitor's outage windows in step with its checks: re-reads the checks since the open
// outage (or since the last one ended) and upserts the windows they show, by natural key
// (monitor, start). Idempotent: running it twice changes nothing.
import type { Database } from "@/lib/database/client";
import { checkStatusName } from "./check-status";
import { detectOutageWindows, type OutageRules } from "./outage-windows";

/** How far back to look for the start of an outage when none is recorded yet. */
const lookbackMs = 24 * 3_600_000;

export async function recordOutages(
  db: Database,
  monitorKey: string,
  rules: OutageRules,
  now = new Date(),
): Promise<number> {
  const [monitor] = await db.$queryRaw<{ id: number; component_id: number | null; since: Date }[]>`
    SELECT m.id, m.component_id,
      coalesce((SELECT started_at FROM outage WHERE monitor_id = m.id AND ended_at IS NULL ORDER BY started_at LIMIT 1),
               (SELECT max(ended_at) FROM outage WHERE monitor_id = m.id),
               ${new Date(now.getTime() - lookbackMs)}::timestamptz) AS since
    FROM monitor m WHERE m.key = ${monitorKey}`;
  if (!monitor) return 0;
  const checks = await db.$queryRaw<{ at: Date; status: number }[]>`
    SELECT at, status FROM "check" WHERE monitor_id = ${monitor.id} AND at >= ${monitor.since} ORDER BY at`;
  const windows = detectOutageWindows(
    checks.map((c) => ({ at: c.at, status: checkStatusName(c.status) })),
    rules,
  );
  for (const window of windows) {
    await db.$executeRaw`
      INSERT INTO outage (monitor_id, component_id, started_at, ended_at, severity)
      VALUES (${monitor.id}, ${monitor.component_id}, ${window.start}, ${window.end}, ${window.severity}::outage_severity)
      ON CONFLICT (monitor_id, started_at) DO UPDATE SET ended_at = excluded.ended_at, severity = excluded.severity`;
  }
  return windows.length;
}
