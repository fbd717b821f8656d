// What the page prefetches: the answers of GET /api/growth/series and /api/growth/summary for the
// same request, as the same JSON, so the browser's queries find them under their keys.
import "server-only";
import { seriesPath, summaryPath, type GrowthRequest } from "@/lib/api-client/growth";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db";
import type { GrowthSummary, SeriesResponse } from "@/lib/growth/growth-types";
import { firstSampleAt } from "@/lib/growth/queries/first-sample";
import { getMetricSeries } from "@/lib/growth/queries/get-metric-series";
import { autoUnit, parseSeriesParams, resolveRange } from "@/lib/growth/queries/series-params";
import { getGrowthSummary } from "@/lib/growth/summary";

/** The very query string the browser sends, parsed and resolved as the routes do it. */
async function resolve(path: string) {
  const params = parseSeriesParams(new URL(path, "http://local").searchParams);
  const database = db();
  const config = getConfig();
  const range = resolveRange(params, new Date(), await firstSampleAt(database, params.metric));
  return { params, database, config, range, timeZone: params.tz ?? config.timezone };
}

export async function loadSeries(request: GrowthRequest): Promise<SeriesResponse> {
  const { params, database, range, timeZone } = await resolve(seriesPath(request));
  const unit =
    params.unit === "auto" ? autoUnit(range.to.getTime() - range.from.getTime()) : params.unit;
  const points = await getMetricSeries(database, {
    metric: params.metric,
    ...range,
    unit,
    timeZone,
  });
  return {
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
}

export async function loadSummary(request: GrowthRequest): Promise<GrowthSummary> {
  const { params, database, config, range, timeZone } = await resolve(summaryPath(request));
  return getGrowthSummary(database, config, { metric: params.metric, ...range, timeZone });
}
