// Outages overlapping [from, to], newest first, with their monitor and component names.
import type { Database } from "@/lib/database/client";
import type { OutageView } from "./uptime-page-types";

/** A page never lists more than this; the newest are the ones a founder asks about. */
const LIMIT = 500;

export async function getOutageList(db: Database, from: Date, to: Date): Promise<OutageView[]> {
  const rows = await db.$queryRaw<
    {
      id: number;
      monitor_key: string;
      monitor: string;
      component: string | null;
      started_at: Date;
      ended_at: Date | null;
      severity: OutageView["severity"];
    }[]
  >`
    SELECT o.id, m.key AS monitor_key, m.name AS monitor, c.name AS component, o.started_at, o.ended_at,
           o.severity::text AS severity
    FROM outage o JOIN monitor m ON m.id = o.monitor_id LEFT JOIN component c ON c.id = o.component_id
    WHERE o.started_at <= ${to} AND coalesce(o.ended_at, 'infinity') > ${from}
    ORDER BY o.started_at DESC, o.id DESC
    LIMIT ${LIMIT}`;
  return rows.map((row) => ({
    id: row.id,
    monitorKey: row.monitor_key,
    monitor: row.monitor,
    component: row.component,
    startedAt: row.started_at.toISOString(),
    endedAt: row.ended_at?.toISOString() ?? null,
    severity: row.severity,
  }));
}
