// Every outage, with the success rate of its monitor's checks in the stretch after it ended
// ([ended, ended + stableFor)), for the "running stable again" rule. Raw checks expire, so for an
// old outage the rate is unknown (null) rather than guessed.
import type { Database } from "@/lib/database/client";
import type { EndedOutage } from "../outage-rules";

export async function readOutagesWithRecovery(
  db: Database,
  stableForMs: number,
): Promise<EndedOutage[]> {
  const rows = await db.$queryRaw<
    {
      id: number;
      monitor_id: number;
      started_at: Date;
      ended_at: Date | null;
      severity: EndedOutage["severity"];
      label: string;
      success_rate: number | null;
    }[]
  >`
    SELECT o.id, o.monitor_id, o.started_at, o.ended_at, o.severity::text AS severity,
      coalesce(c.name, m.name) AS label,
      (SELECT (count(*) FILTER (WHERE ch.status < 2))::float8 / nullif(count(*), 0)
       FROM "check" ch
       WHERE ch.monitor_id = o.monitor_id AND ch.at >= o.ended_at
         AND ch.at < o.ended_at + ${stableForMs}::float8 * interval '1 millisecond') AS success_rate
    FROM outage o JOIN monitor m ON m.id = o.monitor_id
    LEFT JOIN component c ON c.id = o.component_id
    ORDER BY o.started_at`;
  return rows.map((r) => ({
    id: r.id,
    monitorId: r.monitor_id,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    severity: r.severity,
    label: r.label,
    successRate: r.success_rate,
  }));
}
