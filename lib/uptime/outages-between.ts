import type { Database } from "@/lib/database/client";

export type OutageSpan = {
  startedAt: Date;
  endedAt: Date | null;
  label: string;
  severity: "degraded" | "partial" | "major";
};

/** Outages overlapping [from, to), oldest first, labelled by component (else monitor) name. */
export async function getOutagesBetween(db: Database, from: Date, to: Date): Promise<OutageSpan[]> {
  const rows = await db.$queryRaw<
    { started_at: Date; ended_at: Date | null; label: string; severity: OutageSpan["severity"] }[]
  >`
    SELECT o.started_at, o.ended_at, coalesce(c.name, m.name) AS label, o.severity::text AS severity
    FROM outage o JOIN monitor m ON m.id = o.monitor_id LEFT JOIN component c ON c.id = o.component_id
    WHERE o.started_at < ${to} AND coalesce(o.ended_at, 'infinity') > ${from}
    ORDER BY o.started_at`;
  return rows.map((r) => ({
    startedAt: r.started_at,
    endedAt: r.ended_at,
    label: r.label,
    severity: r.severity,
  }));
}
