// Words and tones for the public status page: every status in plain English beside its colour
// (colour is never the only signal), and times in the page's own time zone.
import type {
  ComponentStatus,
  IncidentImpact,
  IncidentStatus,
  MaintenanceStatus,
  StatusIndicator,
} from "@/lib/status/status-types";

/** A colour family in status.css: `--tone` for dots, borders and icons. */
export type Tone = "up" | "degraded" | "partial" | "down" | "maintenance" | "none";

export const componentStatusLabel: Record<ComponentStatus, string> = {
  operational: "Operational",
  degraded_performance: "Degraded performance",
  partial_outage: "Partial outage",
  major_outage: "Major outage",
  under_maintenance: "Under maintenance",
};

export const componentStatusTone: Record<ComponentStatus, Tone> = {
  operational: "up",
  degraded_performance: "degraded",
  partial_outage: "partial",
  major_outage: "down",
  under_maintenance: "maintenance",
};

export const indicatorTone: Record<StatusIndicator, Tone> = {
  none: "up",
  minor: "degraded",
  major: "partial",
  critical: "down",
  maintenance: "maintenance",
};

export const incidentStatusLabel: Record<IncidentStatus, string> = {
  investigating: "Investigating",
  identified: "Identified",
  monitoring: "Monitoring",
  resolved: "Resolved",
  postmortem: "Postmortem",
};

export const impactLabel: Record<IncidentImpact, string> = {
  none: "No impact",
  minor: "Minor impact",
  major: "Major impact",
  critical: "Critical impact",
};

export const impactTone: Record<IncidentImpact, Tone> = {
  none: "none",
  minor: "degraded",
  major: "partial",
  critical: "down",
};

export const maintenanceStatusLabel: Record<MaintenanceStatus, string> = {
  scheduled: "Scheduled",
  in_progress: "In progress",
  verifying: "Verifying",
  completed: "Completed",
};

export function isResolved(status: IncidentStatus): boolean {
  return status === "resolved" || status === "postmortem";
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How old a snapshot is, roughly: "40 s", "12 min", "3 h", "2 days". */
export function formatAge(ms: number): string {
  const age = Math.max(0, ms);
  if (age < MINUTE) return `${Math.floor(age / 1000)} s`;
  if (age < HOUR) return `${Math.floor(age / MINUTE)} min`;
  if (age < 2 * DAY) return `${Math.floor(age / HOUR)} h`;
  return `${Math.floor(age / DAY)} days`;
}

/** The banner's notice while the database is unreachable and the last good snapshot is served. */
export function staleNotice(ageMs: number): string {
  if (ageMs < MINUTE) return "Live updates are paused: the latest status could not be read";
  return `Status as of ${formatAge(ageMs)} ago: live updates are paused`;
}

/** "1 h 12 min", "26 min", "2 days 3 h": how long an incident or a window lasted. */
export function formatSpan(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / MINUTE));
  if (minutes < 1) return "under a minute";
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours < 48) return rest ? `${hours} h ${rest} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  const restHours = hours % 24;
  return restHours ? `${days} days ${restHours} h` : `${days} days`;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function format(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone,
      timeZoneName: "short",
    });
    formats.set(timeZone, f);
  }
  return f;
}

/** A moment in the page's time zone, named so no visitor has to guess: "12 Jan 2026, 14:05 UTC". */
export function formatStatusTime(iso: string, timeZone: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return "—";
  return format(timeZone)
    .format(at)
    .replace(/[\u202f\u00a0]/g, " ");
}

/** A window, its end shortened when it is on the start's day: "12 Jan 2026, 02:00 – 04:00 UTC". */
export function formatWindow(fromIso: string, untilIso: string, timeZone: string): string {
  const from = formatStatusTime(fromIso, timeZone);
  const until = formatStatusTime(untilIso, timeZone);
  const [fromDay, fromRest = ""] = from.split(", ");
  const [untilDay, untilRest = ""] = until.split(", ");
  if (fromDay !== untilDay) return `${from} – ${until}`;
  return `${fromDay}, ${fromRest.replace(/ \S+$/, "")} – ${untilRest}`;
}
