// The snapshot in Atlassian Statuspage's public API v2 format, field for field, so the tools and
// widgets that read /api/v2/*.json from a Statuspage page read Liftoff's too. Pure.
import type {
  StatusComponent,
  StatusIncident,
  StatusMaintenance,
  StatusSnapshot,
} from "./status-types";

/** How many incidents or maintenances the list endpoints return, as Statuspage does. */
export const listLimit = 50;

export type V2Page = {
  id: string;
  name: string;
  url: string;
  time_zone: string;
  updated_at: string;
};

export type V2Component = {
  id: string;
  name: string;
  status: StatusComponent["status"];
  created_at: string;
  updated_at: string;
  position: number;
  description: string | null;
  showcase: boolean;
  start_date: string | null;
  group_id: string | null;
  page_id: string;
  group: boolean;
  only_show_if_degraded: boolean;
  /** On a group only: its children's ids. */
  components?: string[];
};

export type V2IncidentUpdate = {
  id: string;
  status: string;
  body: string;
  incident_id: string;
  created_at: string;
  updated_at: string;
  display_at: string;
  affected_components: null;
  deliver_notifications: boolean;
  custom_tweet: null;
  tweet_id: null;
};

export type V2Incident = {
  id: string;
  name: string;
  status: string;
  created_at: string;
  updated_at: string;
  monitoring_at: string | null;
  resolved_at: string | null;
  impact: string;
  shortlink: string;
  started_at: string;
  page_id: string;
  incident_updates: V2IncidentUpdate[];
  components: V2Component[];
};

export type V2Maintenance = V2Incident & { scheduled_for: string; scheduled_until: string };

export function v2Page(s: StatusSnapshot): V2Page {
  const { id, name, url, timeZone, updatedAt } = s.page;
  return { id, name, url, time_zone: timeZone, updated_at: updatedAt };
}

export function v2Component(c: StatusComponent, pageId: string): V2Component {
  return {
    id: c.id,
    name: c.name,
    status: c.status,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    position: c.position,
    description: c.description,
    showcase: c.showcase,
    start_date: c.startDate,
    group_id: c.groupId,
    page_id: pageId,
    group: c.group,
    only_show_if_degraded: c.onlyShowIfDegraded,
    ...(c.group ? { components: c.components } : {}),
  };
}

function componentsOf(ids: string[], s: StatusSnapshot): V2Component[] {
  return s.components.filter((c) => ids.includes(c.id)).map((c) => v2Component(c, s.page.id));
}

export function v2Incident(i: StatusIncident, s: StatusSnapshot): V2Incident {
  return {
    id: i.id,
    name: i.name,
    status: i.status,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    monitoring_at: i.monitoringAt,
    resolved_at: i.resolvedAt,
    impact: i.impact,
    shortlink: i.shortlink,
    started_at: i.startedAt,
    page_id: s.page.id,
    incident_updates: i.updates.map((u) => ({
      id: u.id,
      status: u.status,
      body: u.body,
      incident_id: u.incidentId,
      created_at: u.createdAt,
      updated_at: u.updatedAt,
      display_at: u.displayAt,
      affected_components: null,
      deliver_notifications: true,
      custom_tweet: null,
      tweet_id: null,
    })),
    components: componentsOf(i.componentIds, s),
  };
}

/**
 * A maintenance window as Statuspage shows one: an incident of impact "maintenance" with its
 * window. Liftoff keeps one text per window, shown as its one update.
 */
export function v2Maintenance(m: StatusMaintenance, s: StatusSnapshot): V2Maintenance {
  return {
    id: m.id,
    name: m.name,
    status: m.status,
    created_at: m.createdAt,
    updated_at: m.updatedAt,
    monitoring_at: null,
    resolved_at: m.status === "completed" ? m.scheduledUntil : null,
    impact: "maintenance",
    shortlink: m.shortlink,
    started_at: m.scheduledFor,
    page_id: s.page.id,
    incident_updates: m.body
      ? [
          {
            id: `${m.id}-1`,
            status: "scheduled",
            body: m.body,
            incident_id: m.id,
            created_at: m.createdAt,
            updated_at: m.createdAt,
            display_at: m.createdAt,
            affected_components: null,
            deliver_notifications: true,
            custom_tweet: null,
            tweet_id: null,
          },
        ]
      : [],
    components: componentsOf(m.componentIds, s),
    scheduled_for: m.scheduledFor,
    scheduled_until: m.scheduledUntil,
  };
}

const unresolved = (i: StatusIncident) => i.status !== "resolved" && i.status !== "postmortem";
const upcoming = (m: StatusMaintenance) => m.status === "scheduled";
const active = (m: StatusMaintenance) => m.status === "in_progress" || m.status === "verifying";

/** GET /api/v2/status.json */
export function v2Status(s: StatusSnapshot) {
  return { page: v2Page(s), status: s.status };
}

/** GET /api/v2/components.json */
export function v2Components(s: StatusSnapshot) {
  return { page: v2Page(s), components: s.components.map((c) => v2Component(c, s.page.id)) };
}

/** GET /api/v2/incidents.json: the 50 most recent incidents. */
export function v2Incidents(s: StatusSnapshot) {
  return {
    page: v2Page(s),
    incidents: s.incidents.slice(0, listLimit).map((i) => v2Incident(i, s)),
  };
}

/** GET /api/v2/incidents/unresolved.json */
export function v2UnresolvedIncidents(s: StatusSnapshot) {
  return {
    page: v2Page(s),
    incidents: s.incidents.filter(unresolved).map((i) => v2Incident(i, s)),
  };
}

/** GET /api/v2/scheduled-maintenances.json: the 50 most recent, latest first. */
export function v2ScheduledMaintenances(s: StatusSnapshot) {
  const latestFirst = [...s.maintenances].sort(
    (a, b) => Date.parse(b.scheduledFor) - Date.parse(a.scheduledFor),
  );
  return {
    page: v2Page(s),
    scheduled_maintenances: latestFirst.slice(0, listLimit).map((m) => v2Maintenance(m, s)),
  };
}

/** GET /api/v2/scheduled-maintenances/upcoming.json: not started yet, soonest first. */
export function v2UpcomingMaintenances(s: StatusSnapshot) {
  return {
    page: v2Page(s),
    scheduled_maintenances: s.maintenances.filter(upcoming).map((m) => v2Maintenance(m, s)),
  };
}

/** GET /api/v2/scheduled-maintenances/active.json: in progress or being verified. */
export function v2ActiveMaintenances(s: StatusSnapshot) {
  return {
    page: v2Page(s),
    scheduled_maintenances: s.maintenances.filter(active).map((m) => v2Maintenance(m, s)),
  };
}

/** GET /api/v2/summary.json: everything current at once. */
export function v2Summary(s: StatusSnapshot) {
  return {
    page: v2Page(s),
    components: s.components.map((c) => v2Component(c, s.page.id)),
    incidents: s.incidents.filter(unresolved).map((i) => v2Incident(i, s)),
    scheduled_maintenances: s.maintenances
      .filter((m) => upcoming(m) || active(m))
      .map((m) => v2Maintenance(m, s)),
    status: s.status,
  };
}
