// The overview query, the same on both sides: the browser fetches /api/overview; a server page
// prefetches with `{ ...overviewQuery(), queryFn: getOverview }` under the same key.
import { queryOptions } from "@tanstack/react-query";
import type { OverviewData } from "@/lib/dashboard/types";
import { fetchJson } from "./fetch-json";

export const OVERVIEW_REFRESH_MS = 15_000;

export function overviewQuery() {
  return queryOptions({
    queryKey: ["dashboard", "overview"] as const,
    queryFn: ({ signal }) => fetchJson<OverviewData>("/api/overview", signal),
    refetchInterval: OVERVIEW_REFRESH_MS,
    refetchOnWindowFocus: false,
  });
}
