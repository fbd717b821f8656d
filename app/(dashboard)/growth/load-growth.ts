// What the page prefetches: the answers of GET /api/growth/series and /api/growth/summary for the
// very query strings the browser sends, read the way the routes read them.
import "server-only";
import { seriesPath, summaryPath, type GrowthRequest } from "@/lib/api-client/growth";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db";
import type { GrowthSummary, SeriesResponse } from "@/lib/growth/growth-types";
import { readSeries, readSummary } from "@/lib/growth/queries/read-growth";

const searchOf = (path: string) => new URL(path, "http://local").searchParams;

export async function loadSeries(request: GrowthRequest): Promise<SeriesResponse> {
  return (await readSeries(db(), getConfig(), searchOf(seriesPath(request)))).series;
}

export async function loadSummary(request: GrowthRequest): Promise<GrowthSummary> {
  return readSummary(db(), getConfig(), searchOf(summaryPath(request)));
}
