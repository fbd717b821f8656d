// Pure formatting for the dashboard: counts, ranks, times, durations. One locale (en-US) so the
// server's HTML and the browser's first render agree; times take the time zone to use.
import type { RankSummary } from "@/lib/dashboard/types";

const LOCALE = "en-US";

const countFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const compactFormat = new Intl.NumberFormat(LOCALE, {
  notation: "compact",
  maximumFractionDigits: 1,
});

/** 1234567 → "1,234,567". */
export function formatCount(value: number): string {
  return countFormat.format(value);
}

/** A change with its sign: 12345 → "+12,345", -5 → "−5", 0 → "±0". */
export function formatSignedCount(value: number): string {
  if (value === 0) return "±0";
  return value > 0 ? `+${formatCount(value)}` : `−${formatCount(-value)}`;
}

/** For axes and tight spaces: 1234567 → "1.2M", 950 → "950". */
export function formatCompact(value: number): string {
  return compactFormat.format(value);
}

/**
 * A rank as its source knows it: an exact place ("#141"), a bucket ("top 5,000" or ">200,000"),
 * never a made-up exact number for a bucket.
 */
export function formatRank(
  summary: Pick<RankSummary, "kind" | "rank" | "bucketMin" | "bucketMax">,
): string {
  switch (summary.kind) {
    case "exact":
      return summary.rank === null ? "unranked" : `#${formatCount(summary.rank)}`;
    case "bucket":
      if (summary.bucketMax !== null) return `top ${formatCount(summary.bucketMax)}`;
      // bucketMin is the best rank the bucket holds: ">200,000" is stored as 200,001 onwards.
      if (summary.bucketMin !== null) return `>${formatCount(summary.bucketMin - 1)}`;
      return "ranked (bucket unknown)";
    case "unranked":
      return "unranked";
  }
}

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "45 s ago", "3 min ago", "5 h ago", "3 days ago"; future times: "in 4 min". */
export function formatRelativeTime(iso: string, now: number): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return "—";
  const delta = now - at;
  const span = Math.abs(delta);
  if (span < 10 * SECOND) return delta >= 0 ? "just now" : "in a few seconds";
  let text: string;
  if (span < MINUTE) text = `${Math.floor(span / SECOND)} s`;
  else if (span < HOUR) text = `${Math.floor(span / MINUTE)} min`;
  else if (span < 2 * DAY) text = `${Math.floor(span / HOUR)} h`;
  else text = `${Math.floor(span / DAY)} days`;
  return delta >= 0 ? `${text} ago` : `in ${text}`;
}

/** 850 → "850 ms", 1234 → "1.2 s", 125000 → "2 min 5 s", 3780000 → "1 h 3 min". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "—";
  if (ms < SECOND) return `${Math.round(ms)} ms`;
  if (ms < MINUTE) {
    const seconds = ms / SECOND;
    return seconds < 10 ? `${Math.floor(seconds * 10) / 10} s` : `${Math.floor(seconds)} s`;
  }
  if (ms < HOUR) {
    const minutes = Math.floor(ms / MINUTE);
    const seconds = Math.floor((ms % MINUTE) / SECOND);
    return seconds ? `${minutes} min ${seconds} s` : `${minutes} min`;
  }
  const hours = Math.floor(ms / HOUR);
  const minutes = Math.floor((ms % HOUR) / MINUTE);
  return minutes ? `${hours} h ${minutes} min` : `${hours} h`;
}

/**
 * A share 0..1 as a percentage, rounded down so 99.996% never shows as a perfect "100%":
 * 1 → "100%", 0.99954 → "99.95%", 0.5 → "50%".
 */
export function formatPercent(ratio: number, digits = 2): string {
  const scale = 10 ** digits;
  const value = Math.floor(ratio * 100 * scale) / scale;
  return `${value.toFixed(digits).replace(/\.?0+$/, "")}%`;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALE, options);
    dateFormats.set(key, format);
  }
  return format;
}

/** "Mar 4, 14:05" in the given time zone (the viewer's when omitted). */
export function formatDateTime(at: string | number, timeZone?: string): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return "—";
  return dateFormat({
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone,
  }).format(date);
}

/** An axis tick: "14:00" when the chart spans up to a day and a half, "Mar 4" beyond. */
export function formatTimeTick(at: number, spanMs: number, timeZone?: string): string {
  const options: Intl.DateTimeFormatOptions =
    spanMs <= 36 * HOUR
      ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }
      : { month: "short", day: "numeric", timeZone };
  return dateFormat(options).format(new Date(at));
}
