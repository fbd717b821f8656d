// Test data for the Rank page's pure functions: a configured source as GET /api/rank lists it.
import type { RankSourceView } from "@/lib/rank/rank-page-types";

export function sourceView(key: string, name: string): RankSourceView {
  return { key, name, kind: key, latestSampleAt: null, lastRunAt: null, lastError: null };
}
