// Words and tones for the public status page: every status in plain English beside its colour
// (colour is never the only signal), and times in the page's own time zone.
import { formatPercent } from "@/lib/api-client/format";
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

/**
 * A component's uptime with its window, so it never reads as the last hour's or a day's:
 * "99.95% uptime over the last 90 days", or on a phone's narrow caption "99.95% uptime, 90 days".
 */
export function uptimeLabel(uptime: number, form: "long" | "short" = "long"): string {
  return `${formatPercent(uptime)} uptime${form === "long" ? " over the last 90 days" : ", 90 days"}`;
}

export function isResolved(status: IncidentStatus): boolean {
  return status === "resolved" || status === "postmortem";
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How long ago, in words: "40 seconds ago", "12 minutes ago", "3 hours ago", "2 days ago". */
export function formatAgo(ms: number): string {
  const age = Math.max(0, ms);
  const [count, unit] =
    age < MINUTE
      ? [Math.floor(age / 1000), "second"]
      : age < HOUR
        ? [Math.floor(age / MINUTE), "minute"]
        : age < 2 * DAY
          ? [Math.floor(age / HOUR), "hour"]
          : [Math.floor(age / DAY), "day"];
  return `${count} ${unit}${count === 1 ? "" : "s"} ago`;
}

const unreachable = "Liftoff cannot reach its database right now";

/**
 * The banner's notice while the database cannot be reached and the last good snapshot, made at
 * `asOfIso` and `ageMs` old, is shown: "Liftoff cannot reach its database right now: this page
 * shows the status as of 14:02 GMT+13, 12 minutes ago." The date is said too when it is not today.
 */
export function staleNotice(asOfIso: string, ageMs: number, timeZone: string): string {
  const asOf = formatStatusTime(asOfIso, timeZone);
  const [day, time] = asOf.split(", ");
  const now = formatStatusTime(new Date(Date.parse(asOfIso) + ageMs).toISOString(), timeZone);
  const when = time && now.startsWith(`${day}, `) ? time : asOf;
  return `${unreachable}: this page shows the status as of ${when}, ${formatAgo(ageMs)}.`;
}

/** The notice when the database has not been reached since the page started. */
export const unknownNotice = `${unreachable}, and has not been since this page started: the current status is unknown.`;

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
