import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { OverviewView } from "@/components/overview/overview-view";
import { overviewQuery } from "@/lib/api-client/overview";
import { getServerQueryClient } from "@/lib/api-client/server-query-client";
import { getOverview } from "@/lib/dashboard/overview";
import { requireFounder } from "./require-founder";

export const metadata: Metadata = { title: "Overview" };
export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  await requireFounder();
  const queryClient = getServerQueryClient();
  // Same key as the browser's query, so the hydrated answer is the one the browser reads.
  // A failure is not fatal: the browser retries.
  await queryClient.prefetchQuery({ ...overviewQuery(), queryFn: () => getOverview() });

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <OverviewView />
    </HydrationBoundary>
  );
}
