// The jobs query, the same on both sides: the browser fetches /api/jobs; a server page prefetches
// with `{ ...jobsQuery(), queryFn: getJobsData }` under the same key.
import { queryOptions } from "@tanstack/react-query";
import type { JobsData } from "@/lib/dashboard/types";
import { fetchJson } from "./fetch-json";

export const JOBS_REFRESH_MS = 15_000;

export function jobsQuery() {
  return queryOptions({
    queryKey: ["dashboard", "jobs"] as const,
    queryFn: ({ signal }) => fetchJson<JobsData>("/api/jobs", signal),
    refetchInterval: JOBS_REFRESH_MS,
    refetchOnWindowFocus: false,
  });
}
