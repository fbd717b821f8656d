// The rows automatic incidents are planned from: incidents that are open or recent, the outages
// of status-page components since then, and maintenance windows. Four queries.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OutageSeverity } from "./incident-text";
import type { PlanIncident, PlanMaintenance, PlanOutage } from "./plan-incidents";
import type { IncidentImpact } from "./status-types";

/** How far back outages get incidents: the history the status page shows. */
export const incidentLookbackMs = 90 * 86_400_000;

export async function readIncidentInputs(tx: Prisma.TransactionClient, now: Date) {
  const lookback = new Date(now.getTime() - incidentLookbackMs);
  const incidentRows = await tx.$queryRaw<
    {
      id: number;
      automatic: boolean;
      outage_id: number | null;
      component_ids: number[];
      started_at: Date;
      resolved_at: Date | null;
      open: boolean;
      impact: IncidentImpact;
    }[]
  >`
    SELECT i.id, i.automatic, i.outage_id, i.started_at, i.resolved_at, i.impact::text AS impact,
           i.status NOT IN ('resolved', 'postmortem') AS open,
           coalesce(array_agg(ci."A") FILTER (WHERE ci."A" IS NOT NULL), '{}')::int[] AS component_ids
    FROM incident i LEFT JOIN "_ComponentToIncident" ci ON ci."B" = i.id
    WHERE i.status NOT IN ('resolved', 'postmortem') OR i.resolved_at >= ${lookback}
       OR i.started_at >= ${lookback}
    GROUP BY i.id`;
  const incidents: PlanIncident[] = incidentRows.map((r) => ({
    id: r.id,
    automatic: r.automatic,
    outageId: r.outage_id,
    componentIds: r.component_ids,
    startedAt: r.started_at,
    open: r.open,
    resolvedAt: r.resolved_at,
    impact: r.impact,
  }));

  // Back to the start of the oldest open incident, so all of its outages are seen.
  const since = new Date(
    Math.min(
      lookback.getTime(),
      ...incidents.filter((i) => i.open).map((i) => i.startedAt.getTime()),
    ),
  );
  // An open outage of a retired (disabled) monitor never ends: it is left out.
  const outageRows = await tx.$queryRaw<
    {
      id: number;
      component_id: number;
      started_at: Date;
      ended_at: Date | null;
      severity: OutageSeverity;
    }[]
  >`
    SELECT o.id, o.component_id, o.started_at, o.ended_at, o.severity::text AS severity
    FROM outage o JOIN monitor m ON m.id = o.monitor_id
    WHERE o.component_id IS NOT NULL AND o.started_at <= ${now}
      AND coalesce(o.ended_at, 'infinity') > ${since}
      AND (o.ended_at IS NOT NULL OR m.enabled)`;
  const outages: PlanOutage[] = outageRows.map((r) => ({
    id: r.id,
    componentId: r.component_id,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    severity: r.severity,
  }));

  // A window on a group covers its children.
  const maintenances = await tx.$queryRaw<PlanMaintenance[]>`
    SELECT m.scheduled_for AS "scheduledFor", m.scheduled_until AS "scheduledUntil",
           array_agg(DISTINCT c.id)::int[] AS "componentIds"
    FROM maintenance m
    JOIN "_ComponentToMaintenance" cm ON cm."B" = m.id
    JOIN component c ON c.id = cm."A" OR c.group_id = cm."A"
    WHERE m.scheduled_until > ${since}
    GROUP BY m.id`;

  const components = await tx.$queryRaw<{ id: number; name: string }[]>`
    SELECT id, name FROM component`;
  const names = new Map(components.map((c) => [c.id, c.name]));
  return { incidents, outages, maintenances, names };
}
