// The 90-day bar of a component: each day coloured by the worst outage it saw and described in
// words ("12 Jan 2026: 98.19% uptime that day, 26 min major outage"), so the bar reads without
// colour, without a mouse and without JavaScript. A day's uptime says it is that day's (today's
// "so far today"), so it never reads as the 90 days' or the last hour's. Pure: the page computes
// these on the server.
import { formatPercent } from "@/lib/api-client/format";
import type { StatusComponent, StatusDay, StatusIncident } from "@/lib/status/status-types";
import { zoneOffsetMinutes } from "@/lib/time/zone";
import { formatSpan } from "@/lib/status/status-labels";
import { localDate } from "@/lib/status/status-days";

/** A bar's colour: the worst severity of the day, or no data before the component was watched. */
export type DaySeverity = "none" | "degraded" | "partial" | "major" | "nodata";

export type DayBar = {
  date: string;
  severity: DaySeverity;
  /** "12 Jan 2026". */
  heading: string;
  /** "98.19% uptime that day", then one line per severity with minutes, then incidents that day. */
  lines: string[];
  /** The whole description on one line: the bar's title and its text for screen readers. */
  title: string;
};

const MINUTE = 60_000;

export function daySeverity(day: StatusDay): DaySeverity {
  if (day.uptime === null) return "nodata";
  const { degraded, partial, major } = day.outageMinutes;
  if (major > 0) return "major";
  if (partial > 0) return "partial";
  if (degraded > 0) return "degraded";
  return "none";
}

const dayFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

/** "2026-01-12" → "12 Jan 2026" (a calendar date: no time zone moves it). */
export function formatDayDate(date: string): string {
  const at = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(at) ? date : dayFormat.format(at);
}

/**
 * The lines of a day: its uptime, its outage minutes by severity (worst first), its incidents.
 * `today` when the day is not over yet.
 */
export function describeDayLines(
  day: StatusDay,
  incidents: readonly string[] = [],
  today = false,
): string[] {
  if (day.uptime === null) return ["No data: not watched yet"];
  const lines = [`${formatPercent(day.uptime)} uptime ${today ? "so far today" : "that day"}`];
  const { degraded, partial, major } = day.outageMinutes;
  if (major > 0) lines.push(`${formatSpan(major * MINUTE)} major outage`);
  if (partial > 0) lines.push(`${formatSpan(partial * MINUTE)} partial outage`);
  if (degraded > 0) lines.push(`${formatSpan(degraded * MINUTE)} degraded performance`);
  if (lines.length === 1) lines.push("no downtime recorded");
  for (const name of incidents) lines.push(`Incident: ${name}`);
  return lines;
}

/** "12 Jan 2026: 98.19% uptime that day, 26 min major outage". */
export function describeDay(
  day: StatusDay,
  incidents: readonly string[] = [],
  today = false,
): string {
  const [first, ...rest] = describeDayLines(day, incidents, today);
  const facts = rest.filter((line) => !line.startsWith("Incident: "));
  const named = rest.filter((line) => line.startsWith("Incident: "));
  const sentence = [first, ...facts].join(", ");
  return [`${formatDayDate(day.date)}: ${sentence}`, ...named].join(". ");
}

/** The instant local midnight of `date` is in `timeZone`. */
export function dayStart(date: string, timeZone: string): number {
  const local = Date.parse(`${date}T00:00:00Z`);
  const guess = local - zoneOffsetMinutes(new Date(local), timeZone) * MINUTE;
  return local - zoneOffsetMinutes(new Date(guess), timeZone) * MINUTE;
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The names of the incidents on `component` that overlapped `date` (unresolved ones up to `now`). */
export function incidentsOnDay(
  componentId: string,
  date: string,
  incidents: readonly StatusIncident[],
  timeZone: string,
  now: number,
): string[] {
  const from = dayStart(date, timeZone);
  const until = dayStart(nextDate(date), timeZone);
  return incidents
    .filter((incident) => incident.componentIds.includes(componentId))
    .filter((incident) => {
      const start = Date.parse(incident.startedAt);
      const end = incident.resolvedAt ? Date.parse(incident.resolvedAt) : now;
      return start < until && end >= from;
    })
    .map((incident) => incident.name);
}

/** Every day of a component's bar, oldest first, ready to draw. */
export function dayBars(
  component: Pick<StatusComponent, "id" | "days">,
  incidents: readonly StatusIncident[],
  timeZone: string,
  now: number,
): DayBar[] {
  const today = localDate(new Date(now), timeZone);
  return component.days.map((day) => {
    const named = incidentsOnDay(component.id, day.date, incidents, timeZone, now);
    const isToday = day.date === today;
    return {
      date: day.date,
      severity: daySeverity(day),
      heading: formatDayDate(day.date),
      lines: describeDayLines(day, named, isToday),
      title: describeDay(day, named, isToday),
    };
  });
}
