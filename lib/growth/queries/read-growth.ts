// One reading of a growth request's query string, for the API routes and for the page that
// prefetches their answers: the same parsing, range, unit and zone, the same JSON.
import type { LoadedConfig } from "@/lib/config";
import type { Database } from "@/lib/database/client";
import type { GrowthSummary, SeriesResponse } from "@/lib/growth/growth-types";
import { getGrowthSummary } from "@/lib/growth/summary";
import { firstSampleAt } from "./first-sample";
import { getMetricSeries } from "./get-metric-series";
import { autoUnit, parseSeriesParams, resolveRange } from "./series-params";

async function resolveRequest(db: Database, config: LoadedConfig, search: URLSearchParams) {
  const params = parseSeriesParams(search);
  const range = resolveRange(params, new Date(), await firstSampleAt(db, params.metric));
  return { params, range, timeZone: params.tz ?? config.timezone };
}

/** GET /api/growth/series's answer; `format` is the asked format (json or csv). */
export async function readSeries(
  db: Database,
  config: LoadedConfig,
  search: URLSearchParams,
): Promise<{ series: SeriesResponse; format: "json" | "csv" }> {
  const { params, range, timeZone } = await resolveRequest(db, config, search);
  const unit =
    params.unit === "auto" ? autoUnit(range.to.getTime() - range.from.getTime()) : params.unit;
  const points = await getMetricSeries(db, { metric: params.metric, ...range, unit, timeZone });
  const series: SeriesResponse = {
    metric: params.metric,
    unit,
    timeZone,
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    points: points.map((p) => ({
      start: p.start.toISOString(),
      increase: p.increase,
      last: p.last,
    })),
  };
  return { series, format: params.format };
}

/** GET /api/growth/summary's answer. */
export async function readSummary(
  db: Database,
  config: LoadedConfig,
  search: URLSearchParams,
): Promise<GrowthSummary> {
  const { params, range, timeZone } = await resolveRequest(db, config, search);
  return getGrowthSummary(db, config, { metric: params.metric, ...range, timeZone });
}
