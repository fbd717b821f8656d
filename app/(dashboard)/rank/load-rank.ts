// What the page prefetches: the answer of GET /api/rank for the very query string the browser
// sends, read the way the route reads it.
import "server-only";
import { rankPath } from "@/lib/api-client/rank";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db";
import type { RankPageData, RankRange } from "@/lib/rank/rank-page-types";
import { readRankPage } from "@/lib/rank/queries/read-rank-page";

export async function loadRank(range: RankRange | null): Promise<RankPageData> {
  const search = new URL(rankPath(range), "http://local").searchParams;
  return readRankPage(db(), getConfig(), search);
}
