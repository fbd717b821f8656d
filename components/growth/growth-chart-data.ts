// From the API's answers to chart points and annotations: pure, so both charts and the server's
// text agree on what a bucket is.
import type {
  AnnotationMarker,
  AnnotationWindow,
  ChartDatum,
} from "@/components/charts/chart-frame";
import { formatCount } from "@/lib/api-client/format";
import { unitMs } from "@/lib/api-client/growth";
import type { GrowthSummary, SeriesResponse } from "@/lib/growth/growth-types";

type Bucket = { start: number; end: number; increase: number; last: number | null };

/** Each bucket with its end: the next bucket's start (days can last 23 or 25 h), else one unit on. */
export function toBuckets(series: Pick<SeriesResponse, "unit" | "points">): Bucket[] {
  const starts = series.points.map((point) => Date.parse(point.start));
  return series.points.map((point, i) => ({
    start: starts[i]!,
    end: starts[i + 1] ?? starts[i]! + unitMs[series.unit],
    increase: point.increase,
    last: point.last,
  }));
}

/** The time axis of both charts: from the first bucket's start to the last one's end. */
export function seriesDomain(buckets: Bucket[]): [number, number] | undefined {
  const first = buckets[0];
  const last = buckets[buckets.length - 1];
  return first && last ? [first.start, last.end] : undefined;
}

/** A previous period lines up with the series when it has the same unit and (about) as many buckets. */
function comparable(series: SeriesResponse, previous: SeriesResponse | undefined) {
  return (
    previous !== undefined &&
    previous.unit === series.unit &&
    Math.abs(previous.points.length - series.points.length) <= 1 &&
    previous.points.some((point) => point.last !== null)
  );
}

/**
 * Bars of signups, each in the middle of its bucket; with `previous` (the same buckets one range
 * earlier, see previousPeriodRequest), the previous period's signups bucket for bucket.
 */
export function toSignupsData(series: SeriesResponse, previous?: SeriesResponse): ChartDatum[] {
  const withPrevious = comparable(series, previous);
  return toBuckets(series).map((bucket, i) => {
    const datum: ChartDatum = { t: (bucket.start + bucket.end) / 2, signups: bucket.increase };
    if (withPrevious) datum.previous = previous!.points[i]?.increase ?? null;
    return datum;
  });
}

/**
 * The total at each bucket's end (not past the range's end), starting from the value before the
 * first bucket with data, so even one bucket of samples draws a line.
 */
export function toCumulativeData(series: SeriesResponse): ChartDatum[] {
  const to = Date.parse(series.to);
  const data: ChartDatum[] = [];
  for (const bucket of toBuckets(series)) {
    if (bucket.last === null) continue;
    if (!data.length) data.push({ t: bucket.start, total: bucket.last - bucket.increase });
    data.push({ t: Math.min(bucket.end, to), total: bucket.last });
  }
  return data;
}

/** What the series alone tells: its newest total (and when) and the signups over it. */
export function seriesFacts(series: SeriesResponse) {
  const to = Date.parse(series.to);
  const buckets = toBuckets(series);
  const withValue = buckets.filter((bucket) => bucket.last !== null);
  const newest = withValue[withValue.length - 1];
  let busiest: Bucket | undefined;
  for (const bucket of buckets)
    if (!busiest || bucket.increase > busiest.increase) busiest = bucket;
  return {
    hasSamples: withValue.length > 0,
    total: newest
      ? { value: newest.last!, at: new Date(Math.min(newest.end, to)).toISOString() }
      : null,
    increase: buckets.reduce((sum, bucket) => sum + bucket.increase, 0),
    busiest: busiest && busiest.increase > 0 ? busiest : null,
  };
}

/** Outages and slowdowns as shaded windows, each with the signups it likely cost in the tooltip. */
export function outageWindows(
  outages: GrowthSummary["outages"],
  rangeEnd: string,
  noun = "signups",
): AnnotationWindow[] {
  return outages.map((outage) => ({
    from: outage.from,
    to: outage.to ?? rangeEnd,
    label: outage.kind === "slowdown" ? "Slowdown" : "Outage",
    detail: `${outage.label}: ${
      outage.missedSignups === null
        ? `${noun} missed unknown`
        : `≈ ${formatCount(outage.missedSignups)} ${noun} missed`
    }${outage.kind === "slowdown" && outage.arrivedSignups !== null ? `, ${formatCount(outage.arrivedSignups)} still arrived` : ""}`,
  }));
}

/**
 * The milestones a chart of `metric` marks: the ones about that metric (its thresholds, velocity
 * records, launch summaries), not rank climbs or recoveries, which say nothing about its curve.
 */
export function milestoneMarkers(
  milestones: GrowthSummary["milestones"],
  metric: string,
): AnnotationMarker[] {
  return milestones
    .filter((milestone) => milestone.metric === metric)
    .map((milestone) => ({ at: milestone.at, label: milestone.label }));
}
