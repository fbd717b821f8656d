// The page's components from their rows: each one's status (a founder's override wins; under
// maintenance while a window of it or its group is under way; else its monitors' open outages, by
// lib/uptime/component-status.ts), a group's from its children, and each one's 90 days (a
// group's from all of its children's outages).
import { componentStatus } from "@/lib/uptime/component-status";
import { type OutageSeverity, worstSeverity } from "./incident-text";
import { worstStatus } from "./page-status";
import type { ComponentOutage } from "./read-outage-spans";
import type { ComponentRow } from "./read-status-components";
import { type DaySpan, localDate, outageDays } from "./status-days";
import type { ComponentStatus, StatusComponent } from "./status-types";

const earliest = (dates: (Date | null)[]) =>
  dates.reduce<Date | null>((a, d) => (d && (!a || d < a) ? d : a), null);
const latest = (dates: (Date | null)[]) =>
  dates.reduce<Date | null>((a, d) => (d && (!a || d > a) ? d : a), null);

export function assembleComponents(input: {
  rows: ComponentRow[];
  outages: ComponentOutage[];
  /** Ids of components with a maintenance window under way. */
  inMaintenance: Set<string>;
  days: DaySpan[];
  timeZone: string;
  now: Date;
}): StatusComponent[] {
  const { rows, outages, inMaintenance, days, timeZone, now } = input;
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

  const computed = new Map<number, ComponentStatus>();
  const status = new Map<number, ComponentStatus>();
  // Leaves first, then groups from their children (groups do not nest).
  const ordered = [
    ...rows.filter((r) => !children.has(r.id)),
    ...rows.filter((r) => children.has(r.id)),
  ];
  for (const row of ordered) {
    const own = children.has(row.id)
      ? worstStatus(children.get(row.id)!.map((c) => status.get(c.id) ?? "operational"))
      : maintained(row)
        ? "under_maintenance"
        : componentStatus(row.monitorIds.map((id) => openSeverity.get(id) ?? null));
    computed.set(row.id, own);
    status.set(row.id, row.statusOverride ?? own);
  }

  return rows.map((row) => {
    const members = children.get(row.id) ?? [row];
    const memberIds = new Set(members.map((m) => m.id));
    const spans = outages.filter((o) => memberIds.has(o.componentId));
    const watchedFrom = earliest(members.map((m) => m.watchedFrom));
    const bars = outageDays(spans, days, watchedFrom, now);
    // Its status last changed when one of its outages began or ended.
    const changed = latest([
      row.updatedAt,
      ...spans.flatMap((s) => [s.start, s.end]).filter((d) => d && d <= now),
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
