// Keeps a monitor's outage windows in step with its checks: re-reads the checks since the open
// outage (or since the last one ended) and upserts the windows they show, by natural key
// (monitor, start). A down window is "major" when every other monitor of its component was down
// during it too, else "partial" (component-severity.ts); a severity only ever rises, and a sibling's
// partial outage that this monitor's outage now completes rises with it. Idempotent.
import type { Database } from "@/lib/database/client";
import { checkStatusName } from "./check-status";
import { componentSeverity, overlaps, type Span } from "./component-severity";
import type { OutageSeverity } from "./component-status";
import { detectOutageWindows, type OutageRules } from "./outage-windows";

/** How far back to look for the start of an outage when none is recorded yet. */
const lookbackMs = 24 * 3_600_000;

type DownOutage = Span & { id: number; monitorId: number; severity: OutageSeverity };

/** The down outages of the component's other enabled monitors since `since`, by monitor. */
async function siblingsDown(
  db: Database,
  componentId: number,
  monitorId: number,
  since: Date,
): Promise<Map<number, DownOutage[]>> {
  const siblings = await db.$queryRaw<{ id: number }[]>`
    SELECT id FROM monitor WHERE component_id = ${componentId} AND enabled AND id <> ${monitorId}`;
  const outages = await db.$queryRaw<
    {
      id: number;
      monitor_id: number;
      started_at: Date;
      ended_at: Date | null;
      severity: OutageSeverity;
    }[]
  >`
    SELECT o.id, o.monitor_id, o.started_at, o.ended_at, o.severity::text AS severity
    FROM outage o JOIN monitor m ON m.id = o.monitor_id
    WHERE m.component_id = ${componentId} AND m.enabled AND m.id <> ${monitorId}
      AND o.severity IN ('partial', 'major') AND coalesce(o.ended_at, 'infinity') > ${since}`;
  const byMonitor = new Map<number, DownOutage[]>(siblings.map((s) => [s.id, []]));
  for (const o of outages) {
    byMonitor.get(o.monitor_id)?.push({
      id: o.id,
      monitorId: o.monitor_id,
      start: o.started_at,
      end: o.ended_at,
      severity: o.severity,
    });
  }
  return byMonitor;
}

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
  if (windows.length === 0) return 0;
  const siblings =
    monitor.component_id === null
      ? new Map<number, DownOutage[]>()
      : await siblingsDown(db, monitor.component_id, monitor.id, monitor.since);
  for (const window of windows) {
    const severity = componentSeverity(window, [...siblings.values()]);
    await db.$executeRaw`
      INSERT INTO outage (monitor_id, component_id, started_at, ended_at, severity)
      VALUES (${monitor.id}, ${monitor.component_id}, ${window.start}, ${window.end}, ${severity}::outage_severity)
      ON CONFLICT (monitor_id, started_at) DO UPDATE
        SET ended_at = excluded.ended_at, severity = greatest(outage.severity, excluded.severity)`;
  }
  // A sibling's partial outage becomes major once every other monitor was down during it.
  const mineDown = windows.filter((w) => w.severity !== "degraded");
  for (const [siblingId, outages] of siblings) {
    const othersDown = [
      mineDown,
      ...[...siblings].filter(([id]) => id !== siblingId).map(([, spans]) => spans),
    ];
    for (const outage of outages) {
      if (outage.severity !== "partial" || !mineDown.some((w) => overlaps(w, outage))) continue;
      if (componentSeverity(outage, othersDown) === "major") {
        await db.$executeRaw`UPDATE outage SET severity = 'major' WHERE id = ${outage.id}`;
      }
    }
  }
  return windows.length;
}
