// The public status page's snapshot: everything /status and the Statuspage-compatible API
// (/api/v2/*.json) show, built in one pass from the database and served from memory, so a visitor
// never causes a query and the page keeps answering when PostgreSQL does not. Plain JSON: ids are
// strings, times ISO 8601.

export type ComponentStatus =
  "operational" | "degraded_performance" | "partial_outage" | "major_outage" | "under_maintenance";

export type StatusIndicator = "none" | "minor" | "major" | "critical" | "maintenance";

export type IncidentStatus =
  "investigating" | "identified" | "monitoring" | "resolved" | "postmortem";
export type IncidentImpact = "none" | "minor" | "major" | "critical";
export type MaintenanceStatus = "scheduled" | "in_progress" | "verifying" | "completed";

/** One day of a component's 90-day bar, in the page's time zone. */
export type StatusDay = {
  /** YYYY-MM-DD. */
  date: string;
  /** Share of the day without an outage, 0..1; null before the component was watched. */
  uptime: number | null;
  /** Minutes of outage that day, by severity. */
  outageMinutes: { degraded: number; partial: number; major: number };
};

export type StatusComponent = {
  id: string;
  key: string;
  name: string;
  description: string | null;
  status: ComponentStatus;
  /** The status computed from monitors, before a founder's override. */
  computedStatus: ComponentStatus;
  position: number;
  showcase: boolean;
  onlyShowIfDegraded: boolean;
  /** Set on a component inside a group. */
  groupId: string | null;
  /** True for a group; its children's ids in `components`. */
  group: boolean;
  components: string[];
  createdAt: string;
  updatedAt: string;
  /** YYYY-MM-DD of the first day it was watched. */
  startDate: string | null;
  /** The last 90 days, oldest first. */
  days: StatusDay[];
  /** Uptime over those days, 0..1; null without data. */
  uptime90d: number | null;
};

export type StatusIncidentUpdate = {
  id: string;
  incidentId: string;
  status: IncidentStatus;
  body: string;
  createdAt: string;
  updatedAt: string;
  displayAt: string;
};

export type StatusIncident = {
  id: string;
  name: string;
  status: IncidentStatus;
  impact: IncidentImpact;
  /** Opened from an outage by Liftoff rather than by a founder. */
  automatic: boolean;
  shortlink: string;
  createdAt: string;
  updatedAt: string;
  startedAt: string;
  monitoringAt: string | null;
  resolvedAt: string | null;
  /** Newest first, as Statuspage orders them. */
  updates: StatusIncidentUpdate[];
  componentIds: string[];
};

export type StatusMaintenance = {
  id: string;
  name: string;
  body: string;
  status: MaintenanceStatus;
  scheduledFor: string;
  scheduledUntil: string;
  createdAt: string;
  updatedAt: string;
  shortlink: string;
  componentIds: string[];
};

export type StatusSnapshot = {
  generatedAt: string;
  page: { id: string; name: string; url: string; timeZone: string; updatedAt: string };
  status: { indicator: StatusIndicator; description: string };
  /** Groups and components, in page order (position, then name). */
  components: StatusComponent[];
  /** Incidents of the last 90 days and every unresolved one, newest first. */
  incidents: StatusIncident[];
  /** Scheduled, in progress and recently completed maintenance, soonest first. */
  maintenances: StatusMaintenance[];
  /** Checks of every monitor in the last hour: "99.2% of requests succeeded in the last hour". */
  lastHour: { successRate: number | null; checks: number };
  /** Response time over the last 24 h, per hour, across monitors with a latency. */
  responseTimes: { at: string; p50: number | null; p95: number | null }[];
};

/** What the snapshot cache serves: the snapshot, and whether it is older than it should be. */
export type ServedSnapshot = {
  snapshot: StatusSnapshot;
  /** ms since it was built. */
  ageMs: number;
  /** True when the last rebuild failed (the database is down) and this is the last good one. */
  stale: boolean;
  /** A strong validator for ETag / If-None-Match. */
  etag: string;
};
