// A milestone's post: its template (the channel's, else the rule's, else the kind's defaults)
// filled with humanised numbers: "1,000,000", "5 days 14 hours", "#141", "99.4%". A rank reads as
// the source stated it: "#141" for a place, "top 200" for a bucket, the same words as the
// dashboard's. A template naming a value this milestone does not have is an error, never a post
// with a hole in it.
import { formatCount, formatPercent, formatRank } from "@/lib/api-client/format";
import { countryName } from "@/lib/rank/country-name";
import type { MilestoneEvent } from "./milestone-event";
import { defaultTemplates, fillTemplate } from "./templates";

const units = [
  { ms: 86_400_000, one: "day" },
  { ms: 3_600_000, one: "hour" },
  { ms: 60_000, one: "minute" },
] as const;

/** A length of time in words, its two largest units: "5 days 14 hours", "45 minutes". */
export function formatElapsed(ms: number): string {
  const first = units.findIndex((u) => ms >= u.ms);
  if (first === -1) return "less than a minute";
  const words = units.slice(first, first + 2).flatMap((u, i) => {
    const above = i === 0 ? Infinity : units[first]!.ms;
    const n = Math.floor((ms % above) / u.ms);
    return n === 0 ? [] : [`${formatCount(n)} ${u.one}${n === 1 ? "" : "s"}`];
  });
  return words.join(" ");
}

/** A period as a post names it: "hour", "24 hours", "week", else its length. */
export function formatPeriod(ms: number): string {
  if (ms === 3_600_000) return "hour";
  if (ms === 7 * 86_400_000) return "week";
  if (ms === 86_400_000) return "24 hours";
  return formatElapsed(ms);
}

const rank = (n: number) =>
  formatRank({ kind: "exact", rank: n, bucketMin: null, bucketMax: null });
const share = (ratio: number) => formatPercent(ratio, 1);

/** Applies `format` to a detail when it is a number; undefined (no value) otherwise. */
function given<T>(value: unknown, format: (n: number) => T): T | undefined {
  return typeof value === "number" ? format(value) : undefined;
}

/**
 * A rank milestone's standing: "#141" when an exact place met it, "top 200" when a bucket did
 * (its value is then the bucket's worst place, which is no place at all).
 */
function standingOf(event: MilestoneEvent): string {
  const d = event.details;
  if (d.exact !== false) return rank(event.value);
  const bucketMin = typeof d.bucketMin === "number" ? d.bucketMin : null;
  return formatRank({ kind: "bucket", rank: null, bucketMin, bucketMax: event.value });
}

/** Every variable a milestone offers its template, as text. */
export function postVariables(
  event: MilestoneEvent,
  service: string,
): Record<string, string | undefined> {
  const d = event.details;
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  const common = { service, label: d.label, value: formatCount(event.value) };
  switch (event.rule) {
    case "metric":
      return { ...common, metric: text(d.metricName), elapsed: given(d.elapsedMs, formatElapsed) };
    case "rank":
    case "best-rank":
    case "country-first": {
      const scope = text(d.scope) ?? "global";
      const standing = standingOf(event);
      return {
        ...common,
        value: standing,
        standing,
        rank: standing,
        threshold: given(d.threshold, formatCount),
        where: scope === "global" ? "worldwide" : `in ${countryName(scope)}`,
        country: countryName(scope),
        previous: given(d.previousBest, rank),
        source: text(d.sourceName) ?? text(d.source),
      };
    }
    case "velocity":
      return {
        ...common,
        metric: text(d.metricName),
        period: text(d.period),
        date: text(d.periodText),
        previous: given(d.previousRecord, formatCount),
      };
    case "time":
      return {
        ...common,
        period: given(d.periodMs, formatPeriod),
        metric: text(d.metricName),
        total: given(d.total, formatCount),
        standing: given(d.bestRank, rank),
        rank: given(d.bestRank, rank),
        uptime: given(d.uptime, share),
      };
    case "outage-resolved":
      return {
        ...common,
        value: given(d.durationMs, formatElapsed),
        duration: given(d.durationMs, formatElapsed),
        successRate: given(d.successRate, share),
        stablePeriod: given(d.stableForMs, formatPeriod),
        component: text(d.component),
      };
  }
}

/** The post's text, or why there is none. `template` is the configured one, if any. */
export function renderPostText(
  event: MilestoneEvent,
  template: string | undefined,
  service: string,
): { text: string; error: null } | { text: null; error: string } {
  const values = postVariables(event, service);
  const candidates = template === undefined ? defaultTemplates[event.rule] : [template];
  for (const candidate of candidates) {
    const filled = fillTemplate(candidate, values);
    if (filled.text !== null) return { text: filled.text, error: null };
  }
  const missing = fillTemplate(candidates[candidates.length - 1]!, values).missing;
  return { text: null, error: `the template's {${missing}} has no value for ${event.key}` };
}
