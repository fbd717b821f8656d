// The Milestones page's query and the founders' decisions on posts, the same on both sides: the
// server page prefetches under the key the browser then reads.
import { queryOptions } from "@tanstack/react-query";
import type {
  MilestonesPageData,
  PostActionName,
} from "@/lib/milestones/queries/milestones-page-types";
import { fetchJson } from "./fetch-json";

export const MILESTONES_PATH = "/api/milestones";
/** Posts move as the sender works through the outbox: a refresh every 20 s shows it. */
export const MILESTONES_REFRESH_MS = 20_000;
export const MILESTONES_KEY = ["milestones"] as const;

export function milestonesQuery() {
  return queryOptions({
    queryKey: [...MILESTONES_KEY, "page"] as const,
    queryFn: ({ signal }) => fetchJson<MilestonesPageData>(MILESTONES_PATH, signal),
    refetchInterval: MILESTONES_REFRESH_MS,
    refetchOnWindowFocus: false,
  });
}

/** Where a decision on post `id` is sent: POST /api/milestones/posts/12/approve. */
export function postActionPath(id: number, action: PostActionName): string {
  return `${MILESTONES_PATH}/posts/${id}/${action}`;
}
