import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { GrowthView } from "@/components/growth/growth-view";
import {
  growthRequest,
  growthSeriesQuery,
  growthSummaryQuery,
  paramsFromRecord,
  parseGrowthState,
  rangeForExtent,
} from "@/lib/api-client/growth";
import { getServerQueryClient } from "@/lib/api-client/server-query-client";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db";
import { firstSampleAt } from "@/lib/growth/queries/first-sample";
import { requireFounder } from "../require-founder";
import { loadSeries, loadSummary } from "./load-growth";

export const metadata: Metadata = { title: "Growth" };
export const dynamic = "force-dynamic";

type GrowthPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function GrowthPage({ searchParams }: GrowthPageProps) {
  await requireFounder();
  // The URL's view, read as the browser reads it; until the browser has written the viewer's time
  // zone into it, the configured zone stands in on both sides.
  const params = paramsFromRecord(await searchParams);
  // Without a range in the URL, the page opens on the one that holds all the data of its metric.
  const metric = parseGrowthState(params).metric;
  const defaultRange = rangeForExtent(await firstSampleAt(db(), metric), new Date());
  const state = parseGrowthState(params, defaultRange);
  const configuredTimeZone = getConfig().timezone;
  const request = growthRequest(state, configuredTimeZone);
  const queryClient = getServerQueryClient();
  // Same keys as the browser's queries; a failure is not fatal: the browser retries.
  await Promise.all([
    queryClient.prefetchQuery({
      ...growthSeriesQuery(request),
      queryFn: () => loadSeries(request),
    }),
    queryClient.prefetchQuery({
      ...growthSummaryQuery(request),
      queryFn: () => loadSummary(request),
    }),
  ]);

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <GrowthView configuredTimeZone={configuredTimeZone} defaultRange={defaultRange} />
    </HydrationBoundary>
  );
}
