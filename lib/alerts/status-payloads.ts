// What a status webhook subscriber receives, modelled on Atlassian Statuspage's webhook payloads:
// `meta` (how to unsubscribe, where the format is documented, plus Liftoff's event name), `page`
// (its id and overall indicator), then `component_update` with `component`, or `incident` (the
// incident as /api/v2/incidents.json shows it, updates newest first). Pure.
import { v2Incident } from "@/lib/status/statuspage-v2";
import type { StatusComponent, StatusIncident, StatusSnapshot } from "@/lib/status/status-types";

export type StatusEvent =
  "component.updated" | "incident.created" | "incident.updated" | "incident.resolved";

function envelope(event: StatusEvent, s: StatusSnapshot) {
  return {
    meta: {
      event,
      // Subscribers are declared in liftoff.config.yaml; there is no link to unsubscribe.
      unsubscribe: null,
      documentation: `${s.page.url}#webhooks`,
      generated_at: s.generatedAt,
    },
    page: {
      id: s.page.id,
      name: s.page.name,
      url: s.page.url,
      status_indicator: s.status.indicator,
      status_description: s.status.description,
    },
  };
}

export function componentUpdatePayload(
  s: StatusSnapshot,
  component: StatusComponent,
  oldStatus: string,
  updateId: string,
): string {
  return JSON.stringify({
    ...envelope("component.updated", s),
    component_update: {
      id: updateId,
      component_id: component.id,
      created_at: component.updatedAt,
      old_status: oldStatus,
      new_status: component.status,
    },
    component: {
      id: component.id,
      name: component.name,
      status: component.status,
      created_at: component.createdAt,
      updated_at: component.updatedAt,
    },
  });
}

export function incidentPayload(
  s: StatusSnapshot,
  incident: StatusIncident,
  event: StatusEvent,
): string {
  return JSON.stringify({ ...envelope(event, s), incident: v2Incident(incident, s) });
}
