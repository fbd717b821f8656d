import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { RankView } from "@/components/rank/rank-view";
import { paramsFromRecord } from "@/lib/api-client/growth";
import { parseRankState, rankQuery } from "@/lib/api-client/rank";
import { getServerQueryClient } from "@/lib/api-client/server-query-client";
import { requireFounder } from "../require-founder";
import { loadRank } from "./load-rank";

export const metadata: Metadata = { title: "Rank" };
export const dynamic = "force-dynamic";

type RankPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RankPage({ searchParams }: RankPageProps) {
  await requireFounder();
  // The URL's range (none: fitted to the data), read as the browser reads it, prefetched under
  // the browser's key.
  const { range } = parseRankState(paramsFromRecord(await searchParams));
  const queryClient = getServerQueryClient();
  // A failure is not fatal: the browser retries.
  await queryClient.prefetchQuery({ ...rankQuery(range), queryFn: () => loadRank(range) });

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <RankView />
    </HydrationBoundary>
  );
}
