// Incidents and maintenance windows as the snapshot carries them: ids as strings, times in ISO
// 8601, a maintenance window's status as the clock makes it.
import { maintenanceStatusAt } from "./page-status";
import type { IncidentRow } from "./read-status-incidents";
import type { MaintenanceRow } from "./read-maintenances";
import type { StatusIncident, StatusMaintenance } from "./status-types";

export function toStatusIncident(i: IncidentRow, pageUrl: string): StatusIncident {
  return {
    id: String(i.id),
    name: i.name,
    status: i.status,
    impact: i.impact,
    automatic: i.automatic,
    shortlink: `${pageUrl}#incident-${i.id}`,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
    startedAt: i.startedAt.toISOString(),
    monitoringAt: i.monitoringAt?.toISOString() ?? null,
    resolvedAt: i.resolvedAt?.toISOString() ?? null,
    // An update is never edited: created, updated and displayed at once.
    updates: i.updates.map((u) => ({
      id: String(u.id),
      incidentId: String(i.id),
      status: u.status,
      body: u.body,
      createdAt: u.createdAt.toISOString(),
      updatedAt: u.createdAt.toISOString(),
      displayAt: u.createdAt.toISOString(),
    })),
    componentIds: i.components.map((c) => String(c.id)),
  };
}

export function toStatusMaintenance(
  m: MaintenanceRow,
  pageUrl: string,
  now: Date,
): StatusMaintenance {
  return {
    id: String(m.id),
    name: m.name,
    body: m.body,
    status: maintenanceStatusAt(m.status, m.scheduledFor, m.scheduledUntil, now),
    scheduledFor: m.scheduledFor.toISOString(),
    scheduledUntil: m.scheduledUntil.toISOString(),
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
    shortlink: `${pageUrl}#maintenance-${m.id}`,
    componentIds: m.components.map((c) => String(c.id)),
  };
}
