// The Growth page's state and queries, the same on both sides. The URL holds the view
// (?range=7d&unit=auto&tz=Europe/Berlin&metric=users_total) so it can be shared; the server page
// parses it with the same function and prefetches under the same keys the browser then reads.
import { queryOptions } from "@tanstack/react-query";
import type {
  GrowthSummary,
  RangePreset,
  SeriesResponse,
  SeriesUnit,
} from "@/lib/growth/growth-types";
import { isValidTimeZone } from "@/lib/time/zone";
import { fetchJson } from "./fetch-json";

export type UnitChoice = "auto" | SeriesUnit;

export type GrowthState = {
  metric: string;
  range: RangePreset;
  /** A custom range's bounds as ISO instants; null for the presets. */
  from: string | null;
  to: string | null;
  unit: UnitChoice;
  /** The time zone in the URL; null until the browser writes the viewer's own. */
  tz: string | null;
};

/** What the APIs are asked: the state with its time zone settled. */
export type GrowthRequest = Omit<GrowthState, "tz"> & { tz: string };

export const DEFAULT_METRIC = "users_total";
export const DEFAULT_RANGE: RangePreset = "24h";

export const rangeOptions: { value: RangePreset; label: string }[] = [
  { value: "1h", label: "1 h" },
  { value: "24h", label: "24 h" },
  { value: "7d", label: "7 d" },
  { value: "30d", label: "30 d" },
  { value: "all", label: "All" },
  { value: "custom", label: "Custom" },
];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const presetSpanMs = { "1h": HOUR, "24h": DAY, "7d": 7 * DAY, "30d": 30 * DAY } as const;
export const unitMs: Record<SeriesUnit, number> = { minute: 60_000, hour: HOUR, day: DAY };
/** The series API refuses more buckets than this in one answer. */
export const MAX_BUCKETS = 10_000;

const ranges = new Set<string>(rangeOptions.map((option) => option.value));

/**
 * The range a page opens on when its URL names none: the shortest preset that holds all the data
 * there is, so a week-old launch fills the chart rather than squeezing into its last pixels.
 * Without data, the 24 hours that will fill first.
 */
export function rangeForExtent(firstAt: Date | null, now: Date): RangePreset {
  if (firstAt === null) return DEFAULT_RANGE;
  const extent = now.getTime() - firstAt.getTime();
  const presets = ["1h", "24h", "7d", "30d"] as const;
  return presets.find((preset) => extent <= presetSpanMs[preset]) ?? "all";
}
const units = new Set<string>(["auto", "minute", "hour", "day"]);
const metricKey = /^[a-z0-9][a-z0-9_-]*$/;

/** Reads `get(name)` from URLSearchParams, ReadonlyURLSearchParams or a wrapper of a record. */
export type ParamSource = { get(name: string): string | null };

/** A Next.js `searchParams` record as a ParamSource (the first value of a repeated name). */
export function paramsFromRecord(record: Record<string, string | string[] | undefined>) {
  return {
    get(name: string): string | null {
      const value = record[name];
      return (Array.isArray(value) ? value[0] : value) ?? null;
    },
  };
}

function instant(text: string | null): number | null {
  if (!text) return null;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : at;
}

/** The span a range covers, when it is known without asking the server ("all" is not). */
export function rangeSpanMs(state: Pick<GrowthState, "range" | "from" | "to">): number | null {
  if (state.range === "custom") {
    const from = instant(state.from);
    const to = instant(state.to);
    return from !== null && to !== null ? to - from : null;
  }
  return state.range === "all" ? null : presetSpanMs[state.range];
}

/** Whether `unit` would give the series API more buckets over the range than it answers. */
export function tooManyBuckets(
  state: Pick<GrowthState, "range" | "from" | "to">,
  unit: UnitChoice,
): boolean {
  if (unit === "auto") return false;
  const span = rangeSpanMs(state);
  return span !== null && span / unitMs[unit] > MAX_BUCKETS;
}

/**
 * The page's state from its URL; anything unknown or malformed falls back to the default range
 * (`defaultRange`: the one the data's extent chose, see rangeForExtent).
 */
export function parseGrowthState(
  params: ParamSource,
  defaultRange: RangePreset = DEFAULT_RANGE,
): GrowthState {
  const metric = params.get("metric") ?? "";
  const rawRange = params.get("range") ?? "";
  let range = ranges.has(rawRange) ? (rawRange as RangePreset) : defaultRange;
  let from: string | null = null;
  let to: string | null = null;
  if (range === "custom") {
    const start = instant(params.get("from"));
    const end = instant(params.get("to"));
    if (start !== null && end !== null && start < end) {
      from = new Date(start).toISOString();
      to = new Date(end).toISOString();
    } else {
      range = defaultRange;
    }
  }
  const rawUnit = params.get("unit") ?? "";
  let unit = units.has(rawUnit) ? (rawUnit as UnitChoice) : "auto";
  if (tooManyBuckets({ range, from, to }, unit)) unit = "auto";
  const tz = params.get("tz");
  return {
    metric: metricKey.test(metric) ? metric : DEFAULT_METRIC,
    range,
    from,
    to,
    unit,
    tz: tz && isValidTimeZone(tz) ? tz : null,
  };
}

/** The state as a query string, in a fixed order: "range=7d&unit=auto&tz=UTC&metric=users_total". */
export function growthSearch(state: GrowthState): string {
  const search = new URLSearchParams({ range: state.range });
  if (state.range === "custom" && state.from && state.to) {
    search.set("from", state.from);
    search.set("to", state.to);
  }
  search.set("unit", state.unit);
  if (state.tz) search.set("tz", state.tz);
  search.set("metric", state.metric);
  return search.toString();
}

/** The request for a state: its own time zone, else `fallbackTimeZone` (the configured one). */
export function growthRequest(state: GrowthState, fallbackTimeZone: string): GrowthRequest {
  return { ...state, tz: state.tz ?? fallbackTimeZone };
}

function requestSearch(request: Omit<GrowthRequest, "unit">): URLSearchParams {
  const search = new URLSearchParams({ metric: request.metric, range: request.range });
  if (request.range === "custom" && request.from && request.to) {
    search.set("from", request.from);
    search.set("to", request.to);
  }
  search.set("tz", request.tz);
  return search;
}

/** `/api/growth/series?…`, as JSON or, with `format: "csv"`, as a CSV download. */
export function seriesPath(request: GrowthRequest, format?: "csv"): string {
  const search = requestSearch(request);
  search.set("unit", request.unit);
  if (format) search.set("format", format);
  return `/api/growth/series?${search}`;
}

export type SummaryRequest = Omit<GrowthRequest, "unit" | "tz"> & { tz: string | null };

/** `/api/growth/summary?…`; without a time zone the server uses the configured one. */
export function summaryPath(request: SummaryRequest): string {
  const search = requestSearch({ ...request, tz: request.tz ?? "" });
  if (!request.tz) search.delete("tz");
  return `/api/growth/summary?${search}`;
}

/**
 * How often a range's data is worth refetching: a live hour every 15 s, a day every minute, a week
 * every 5 min, longer every 15 min. A custom range that ended in the past does not change.
 */
export function refreshIntervalFor(
  state: Pick<GrowthState, "range" | "from" | "to">,
  now: number = Date.now(),
): number | false {
  if (state.range === "custom") {
    const end = instant(state.to);
    if (end !== null && end < now - 60_000) return false;
  }
  const span = rangeSpanMs(state);
  if (span === null || span > 7 * DAY) return 15 * 60_000;
  if (span > DAY) return 5 * 60_000;
  if (span > HOUR) return 60_000;
  return 15_000;
}

export function growthSeriesQuery(request: GrowthRequest) {
  return queryOptions({
    queryKey: ["growth", "series", request] as const,
    queryFn: ({ signal }) => fetchJson<SeriesResponse>(seriesPath(request), signal),
    refetchInterval: refreshIntervalFor(request),
    refetchOnWindowFocus: false,
  });
}

export function growthSummaryQuery(request: SummaryRequest) {
  const key = {
    metric: request.metric,
    range: request.range,
    from: request.from,
    to: request.to,
    tz: request.tz,
  };
  return queryOptions({
    queryKey: ["growth", "summary", key] as const,
    queryFn: ({ signal }) => fetchJson<GrowthSummary>(summaryPath(request), signal),
    refetchInterval: refreshIntervalFor(request),
    refetchOnWindowFocus: false,
  });
}

/**
 * The series' buckets one range-length earlier ("the previous 24 h"), in the same unit, so the
 * previous period lines up with the series bucket for bucket. Null for "all" (nothing comes before
 * the first sample) and for a series too short to compare.
 */
export function previousPeriodRequest(
  series: Pick<SeriesResponse, "unit" | "points" | "from" | "to">,
  request: GrowthRequest,
): GrowthRequest | null {
  if (request.range === "all" || series.points.length < 2) return null;
  const start = Date.parse(series.points[0]!.start);
  const end = Date.parse(series.points[series.points.length - 1]!.start) + unitMs[series.unit];
  const bucket = unitMs[series.unit];
  const shift = Math.max(1, Math.round((Date.parse(series.to) - Date.parse(series.from)) / bucket));
  if (Number.isNaN(start + end + shift)) return null;
  return {
    metric: request.metric,
    range: "custom",
    from: new Date(start - shift * bucket).toISOString(),
    to: new Date(end - shift * bucket).toISOString(),
    unit: series.unit,
    tz: request.tz,
  };
}
