// Statuses on the page: a maintenance window's status at a moment, a group's status from its
// children, what unresolved incidents make of the components they affect, and the page's overall
// indicator as Statuspage words it. (A component's status from its monitors is
// lib/uptime/component-status.ts.) Pure.
import type {
  ComponentStatus,
  IncidentImpact,
  IncidentStatus,
  MaintenanceStatus,
  StatusIndicator,
} from "./status-types";

const statusRank: Record<ComponentStatus, number> = {
  operational: 0,
  under_maintenance: 1,
  degraded_performance: 2,
  partial_outage: 3,
  major_outage: 4,
};

export function worstStatus(statuses: ComponentStatus[]): ComponentStatus {
  return statuses.reduce<ComponentStatus>(
    (worst, s) => (statusRank[s] > statusRank[worst] ? s : worst),
    "operational",
  );
}

/**
 * A window's status now. `verifying` and `completed` are a founder's word and stand; otherwise the
 * clock decides: scheduled before the window, in progress during it, completed after it (a window
 * started early by hand stays in progress).
 */
export function maintenanceStatusAt(
  stored: MaintenanceStatus,
  scheduledFor: Date,
  scheduledUntil: Date,
  now: Date,
): MaintenanceStatus {
  if (stored === "verifying" || stored === "completed") return stored;
  if (now >= scheduledUntil) return "completed";
  if (now >= scheduledFor) return "in_progress";
  return stored;
}

export const underWay = (status: MaintenanceStatus) =>
  status === "in_progress" || status === "verifying";

const isUnresolved = (status: IncidentStatus) => status !== "resolved" && status !== "postmortem";

/** The status an incident's impact gives the components it affects, as Statuspage shows them. */
export const statusOfImpact: Record<IncidentImpact, ComponentStatus> = {
  none: "operational",
  minor: "degraded_performance",
  major: "partial_outage",
  critical: "major_outage",
};

type AffectingIncident = {
  status: IncidentStatus;
  impact: IncidentImpact;
  componentIds: readonly string[];
};

/**
 * What unresolved incidents make of the components they name: for each component an incident with
 * an impact affects, the worst status those impacts imply. An incident naming a group affects each
 * component in it (`childrenOf`: a group's id to its components' ids).
 */
export function incidentStatuses(
  incidents: readonly AffectingIncident[],
  childrenOf: ReadonlyMap<string, readonly string[]> = new Map(),
): Map<string, ComponentStatus> {
  const affected = new Map<string, ComponentStatus>();
  for (const incident of incidents) {
    if (!isUnresolved(incident.status) || incident.impact === "none") continue;
    const status = statusOfImpact[incident.impact];
    for (const id of incident.componentIds.flatMap((id) => [id, ...(childrenOf.get(id) ?? [])])) {
      affected.set(id, worstStatus([status, affected.get(id) ?? "operational"]));
    }
  }
  return affected;
}

const descriptions: Record<StatusIndicator, string> = {
  none: "All Systems Operational",
  minor: "Minor Service Outage",
  major: "Partial System Outage",
  critical: "Major System Outage",
  maintenance: "Service Under Maintenance",
};

const indicatorOfStatus: Record<ComponentStatus, StatusIndicator> = {
  operational: "none",
  under_maintenance: "maintenance",
  degraded_performance: "minor",
  partial_outage: "major",
  major_outage: "critical",
};

const indicatorRank: Record<StatusIndicator, number> = {
  none: 0,
  maintenance: 1,
  minor: 2,
  major: 3,
  critical: 4,
};

/**
 * The page's indicator: the worst of its components' statuses and its unresolved incidents'
 * impacts; maintenance under way shows when nothing is worse.
 */
export function overallStatus(
  components: { status: ComponentStatus }[],
  incidents: { status: IncidentStatus; impact: IncidentImpact }[],
  maintenances: { status: MaintenanceStatus }[],
): { indicator: StatusIndicator; description: string } {
  const candidates: StatusIndicator[] = [
    ...components.map((c) => indicatorOfStatus[c.status]),
    ...incidents.filter((i) => isUnresolved(i.status)).map((i) => i.impact),
    ...(maintenances.some((m) => underWay(m.status)) ? ["maintenance" as const] : []),
  ];
  const indicator = candidates.reduce<StatusIndicator>(
    (worst, i) => (indicatorRank[i] > indicatorRank[worst] ? i : worst),
    "none",
  );
  return { indicator, description: descriptions[indicator] };
}
