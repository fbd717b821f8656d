// The page's components from their rows: each one's status and each one's 90 days (a group's
// from all of its children's outages). A component's computed status is under maintenance while a
// window of it or its group is under way, else its monitors' open outages' (by
// lib/uptime/component-status.ts); the status shown is a founder's override if there is one, else
// the worse of the computed status and what its unresolved incidents' impact implies, as
// Statuspage shows a component an incident affects. A group's statuses follow its children's.
import { componentStatus } from "@/lib/uptime/component-status";
import { type OutageSeverity, worstSeverity } from "./incident-text";
import { incidentStatuses, worstStatus } from "./page-status";
import type { ComponentOutage } from "./read-outage-spans";
import type { ComponentRow } from "./read-status-components";
import { type DaySpan, localDate, outageDays } from "./status-days";
import type { ComponentStatus, StatusComponent, StatusIncident } from "./status-types";

const earliest = (dates: (Date | null)[]) =>
  dates.reduce<Date | null>((a, d) => (d && (!a || d < a) ? d : a), null);
const latest = (dates: (Date | null)[]) =>
  dates.reduce<Date | null>((a, d) => (d && (!a || d > a) ? d : a), null);

export function assembleComponents(input: {
  rows: ComponentRow[];
  outages: ComponentOutage[];
  /** Ids of components with a maintenance window under way. */
  inMaintenance: Set<string>;
  /** The page's incidents: the unresolved ones mark the components they affect. */
  incidents: readonly Pick<
    StatusIncident,
    "status" | "impact" | "componentIds" | "createdAt" | "resolvedAt"
  >[];
  days: DaySpan[];
  timeZone: string;
  now: Date;
}): StatusComponent[] {
  const { rows, outages, inMaintenance, incidents, days, timeZone, now } = input;
  const children = new Map<number, ComponentRow[]>();
  for (const row of rows) {
    if (row.groupId !== null)
      children.set(row.groupId, [...(children.get(row.groupId) ?? []), row]);
  }
  const isOpen = (o: ComponentOutage) => o.start <= now && (!o.end || o.end > now);
  // Each monitor's open outage (the worst, should it have two).
  const openSeverity = new Map<number, OutageSeverity>();
  for (const o of outages.filter(isOpen)) {
    openSeverity.set(
      o.monitorId,
      worstSeverity([o.severity, openSeverity.get(o.monitorId) ?? o.severity])!,
    );
  }
  const maintained = (row: ComponentRow) =>
    inMaintenance.has(String(row.id)) ||
    (row.groupId !== null && inMaintenance.has(String(row.groupId)));

  const byIncident = incidentStatuses(
    incidents,
    new Map([...children].map(([id, kids]) => [String(id), kids.map((c) => String(c.id))])),
  );

  const computed = new Map<number, ComponentStatus>();
  const status = new Map<number, ComponentStatus>();
  const worstOf = (kids: ComponentRow[], of: Map<number, ComponentStatus>) =>
    worstStatus(kids.map((c) => of.get(c.id) ?? "operational"));
  // Leaves first, then groups from their children (groups do not nest).
  for (const row of rows.filter((r) => !children.has(r.id))) {
    const own = maintained(row)
      ? "under_maintenance"
      : componentStatus(row.monitorIds.map((id) => openSeverity.get(id) ?? null));
    const incident = byIncident.get(String(row.id)) ?? "operational";
    computed.set(row.id, own);
    status.set(row.id, row.statusOverride ?? worstStatus([own, incident]));
  }
  for (const [id, kids] of children) {
    const row = rows.find((r) => r.id === id);
    if (!row) continue;
    computed.set(id, worstOf(kids, computed));
    status.set(id, row.statusOverride ?? worstOf(kids, status));
  }

  return rows.map((row) => {
    const members = children.get(row.id) ?? [row];
    const memberIds = new Set(members.map((m) => m.id));
    const spans = outages.filter((o) => memberIds.has(o.componentId));
    const watchedFrom = earliest(members.map((m) => m.watchedFrom));
    const bars = outageDays(spans, days, watchedFrom, now);
    // Its status last changed when one of its outages began or ended, or an incident affecting it
    // was opened or resolved.
    const affecting = incidents.filter(
      (i) =>
        i.impact !== "none" &&
        i.componentIds.some(
          (c) => memberIds.has(Number(c)) || c === String(row.id) || c === String(row.groupId),
        ),
    );
    const changed = latest([
      row.updatedAt,
      ...[
        ...spans.flatMap((s) => [s.start, s.end]),
        ...affecting.map((i) => new Date(i.resolvedAt ?? i.createdAt)),
      ].filter((d) => d && d <= now),
    ]);
    return {
      id: String(row.id),
      key: row.key,
      name: row.name,
      description: row.description,
      status: status.get(row.id)!,
      computedStatus: computed.get(row.id)!,
      position: row.position,
      showcase: row.showcase,
      onlyShowIfDegraded: row.onlyShowIfDegraded,
      groupId: row.groupId === null ? null : String(row.groupId),
      group: children.has(row.id),
      components: (children.get(row.id) ?? []).map((c) => String(c.id)),
      createdAt: row.createdAt.toISOString(),
      updatedAt: (changed ?? row.updatedAt).toISOString(),
      startDate: watchedFrom ? localDate(watchedFrom, timeZone) : null,
      days: bars.days,
      uptime90d: bars.uptime,
    };
  });
}
