// Which automatic incidents to open, worsen and resolve, from outage windows. Pure: the caller
// reads the rows under a lock and writes the actions back (auto-incidents.ts).
//
// The link between outages and incidents: an incident's `outageId` is the outage that opened it.
// Every later outage of the same component that starts while the incident is open (or before it
// was resolved) belongs to it too, so a component has one incident at a time however many of its
// monitors fail. An incident is resolved when every outage behind it has ended, at the last end;
// an outage that starts after that opens a new one. Outages are swept in start order, so a backlog
// (the first run, or a worker that was down) gives the same incidents as live runs would have.
import { impactOfSeverity, impactRank, type OutageSeverity, worstSeverity } from "./incident-text";
import type { IncidentImpact } from "./status-types";

export type PlanOutage = {
  id: number;
  componentId: number;
  startedAt: Date;
  endedAt: Date | null;
  severity: OutageSeverity;
};

export type PlanIncident = {
  id: number;
  automatic: boolean;
  outageId: number | null;
  componentIds: number[];
  startedAt: Date;
  /** Unresolved: neither resolved nor postmortem. */
  open: boolean;
  resolvedAt: Date | null;
  impact: IncidentImpact;
};

/** A maintenance window; `componentIds` already includes the children of a group it names. */
export type PlanMaintenance = { componentIds: number[]; scheduledFor: Date; scheduledUntil: Date };

export type IncidentAction =
  | {
      kind: "open";
      componentId: number;
      outageId: number;
      startedAt: Date;
      severity: OutageSeverity;
      /** Set when every outage behind it has already ended (a backlog). */
      resolvedAt: Date | null;
    }
  | { kind: "worsen"; incidentId: number; severity: OutageSeverity }
  | { kind: "resolve"; incidentId: number; startedAt: Date; resolvedAt: Date };

type Tracked = {
  existing: PlanIncident | null;
  componentIds: number[];
  outageId: number;
  startedAt: Date;
  automatic: boolean;
  open: boolean;
  resolvedAt: Date | null;
  resolvedHere: boolean;
  outages: PlanOutage[];
};

const lastEnd = (t: Tracked): Date | null => {
  let last: Date | null = null;
  for (const o of t.outages) {
    if (!o.endedAt) return null;
    if (!last || o.endedAt > last) last = o.endedAt;
  }
  return last;
};

function resolve(t: Tracked, at: Date): void {
  t.open = false;
  t.resolvedAt = at;
  t.resolvedHere = true;
}

/** An outage that started in a maintenance window of its component and has not outlasted it. */
function inMaintenance(o: PlanOutage, maintenances: PlanMaintenance[], now: Date): boolean {
  const end = o.endedAt ?? now;
  return maintenances.some(
    (m) =>
      m.componentIds.includes(o.componentId) &&
      m.scheduledFor <= o.startedAt &&
      end <= m.scheduledUntil,
  );
}

export function planAutomaticIncidents(input: {
  outages: PlanOutage[];
  incidents: PlanIncident[];
  maintenances: PlanMaintenance[];
  now: Date;
}): IncidentAction[] {
  const { maintenances, now } = input;
  const tracked: Tracked[] = input.incidents.map((i) => ({
    existing: i,
    componentIds: i.componentIds,
    outageId: i.outageId ?? -1,
    startedAt: i.startedAt,
    automatic: i.automatic,
    open: i.open,
    resolvedAt: i.resolvedAt,
    resolvedHere: false,
    outages: [],
  }));
  const outages = input.outages
    .filter((o) => o.startedAt <= now)
    .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime() || a.id - b.id);

  for (const outage of outages) {
    const ofComponent = tracked.filter((t) => t.componentIds.includes(outage.componentId));
    // An automatic incident whose outages all ended before this one began is over.
    for (const t of ofComponent) {
      const end = t.open && t.automatic && t.outages.length > 0 ? lastEnd(t) : null;
      if (end && end < outage.startedAt) resolve(t, end);
    }
    const owner =
      tracked.find((t) => t.outageId === outage.id) ??
      ofComponent
        .filter(
          (t) =>
            t.startedAt <= outage.startedAt &&
            (t.open || (t.resolvedAt !== null && outage.startedAt < t.resolvedAt)),
        )
        .sort(
          (a, b) => Number(b.open) - Number(a.open) || Number(b.automatic) - Number(a.automatic),
        )[0];
    if (owner) {
      owner.outages.push(outage);
      continue;
    }
    if (inMaintenance(outage, maintenances, now)) continue;
    tracked.push({
      existing: null,
      componentIds: [outage.componentId],
      outageId: outage.id,
      startedAt: outage.startedAt,
      automatic: true,
      open: true,
      resolvedAt: null,
      resolvedHere: false,
      outages: [outage],
    });
  }

  const actions: IncidentAction[] = [];
  for (const t of tracked) {
    if (!t.automatic) continue;
    if (t.open) {
      // Every outage behind it has ended, or none is left (deleted, or its monitor was retired).
      const end = t.outages.length > 0 ? lastEnd(t) : now;
      if (end) resolve(t, end);
    }
    const severity = worstSeverity(t.outages.map((o) => o.severity));
    if (!t.existing) {
      actions.push({
        kind: "open",
        componentId: t.componentIds[0]!,
        outageId: t.outageId,
        startedAt: t.startedAt,
        severity: severity!,
        resolvedAt: t.resolvedAt,
      });
      continue;
    }
    if (!t.existing.open) continue;
    if (severity && impactRank[impactOfSeverity[severity]] > impactRank[t.existing.impact]) {
      actions.push({ kind: "worsen", incidentId: t.existing.id, severity });
    }
    if (t.resolvedHere && t.resolvedAt) {
      actions.push({
        kind: "resolve",
        incidentId: t.existing.id,
        startedAt: t.startedAt,
        resolvedAt: t.resolvedAt,
      });
    }
  }
  return actions;
}
