// The 90-day bars: outage windows cut into the page's local days, minutes by severity (where
// windows of several monitors overlap, the worst one counts, and never twice), and the share of
// the watched part of each day without an outage. Pure.
import { bucketStart, nextBucket } from "@/lib/time/zone";
import { type OutageSeverity, severityRank } from "./incident-text";
import type { StatusDay } from "./status-types";

export type DaySpan = { date: string; start: Date; end: Date };
export type OutageSpan = { start: Date; end: Date | null; severity: OutageSeverity };

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** YYYY-MM-DD of `instant` in `timeZone`. */
export function localDate(instant: Date, timeZone: string): string {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    dateFormats.set(timeZone, format);
  }
  const part = (type: string) => format.formatToParts(instant).find((p) => p.type === type)!.value;
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** The last `count` local days up to and including today, oldest first. */
export function lastDays(now: Date, timeZone: string, count = 90): DaySpan[] {
  const days: DaySpan[] = [];
  let end = nextBucket(bucketStart(now, "day", timeZone), "day", timeZone);
  for (let i = 0; i < count; i++) {
    const start = bucketStart(new Date(end.getTime() - 12 * 3_600_000), "day", timeZone);
    days.unshift({ date: localDate(start, timeZone), start, end });
    end = start;
  }
  return days;
}

/** Milliseconds of [from, to) under an outage, by the worst severity at each moment. */
function outageMs(spans: OutageSpan[], from: number, to: number, now: number) {
  const clipped = spans
    .map((s) => ({
      start: Math.max(s.start.getTime(), from),
      end: Math.min(s.end?.getTime() ?? now, to),
      severity: s.severity,
    }))
    .filter((s) => s.end > s.start);
  const result = { degraded: 0, partial: 0, major: 0 };
  const edges = [...new Set(clipped.flatMap((s) => [s.start, s.end]))].sort((a, b) => a - b);
  for (let i = 0; i + 1 < edges.length; i++) {
    const [a, b] = [edges[i]!, edges[i + 1]!];
    let worst: OutageSeverity | null = null;
    for (const s of clipped) {
      if (s.start <= a && s.end >= b && (!worst || severityRank[s.severity] > severityRank[worst]))
        worst = s.severity;
    }
    if (worst) result[worst] += b - a;
  }
  return result;
}

const toMinutes = (ms: number) => Math.ceil(ms / 60_000);

/**
 * One component's days. A day before `watchedFrom` (the first check) has no uptime; the first
 * day and today count only their watched part.
 */
export function outageDays(
  spans: OutageSpan[],
  days: DaySpan[],
  watchedFrom: Date | null,
  now: Date,
): { days: StatusDay[]; uptime: number | null } {
  let watched = 0;
  let down = 0;
  const result = days.map((day): StatusDay => {
    const from = Math.max(day.start.getTime(), watchedFrom?.getTime() ?? Infinity);
    const to = Math.min(day.end.getTime(), now.getTime());
    if (!(to > from)) {
      return { date: day.date, uptime: null, outageMinutes: { degraded: 0, partial: 0, major: 0 } };
    }
    const ms = outageMs(spans, from, to, now.getTime());
    const total = ms.degraded + ms.partial + ms.major;
    watched += to - from;
    down += total;
    return {
      date: day.date,
      uptime: 1 - total / (to - from),
      outageMinutes: {
        degraded: toMinutes(ms.degraded),
        partial: toMinutes(ms.partial),
        major: toMinutes(ms.major),
      },
    };
  });
  return { days: result, uptime: watched > 0 ? 1 - down / watched : null };
}
