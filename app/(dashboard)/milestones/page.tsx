import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { MilestonesView } from "@/components/milestones/milestones-view";
import { milestonesQuery } from "@/lib/api-client/milestones";
import { getServerQueryClient } from "@/lib/api-client/server-query-client";
import { requireFounder } from "../require-founder";
import { loadMilestones } from "./load-milestones";

export const metadata: Metadata = { title: "Milestones" };
export const dynamic = "force-dynamic";

export default async function MilestonesPage() {
  await requireFounder();
  const queryClient = getServerQueryClient();
  // A failure is not fatal: the browser retries.
  await queryClient.prefetchQuery({ ...milestonesQuery(), queryFn: loadMilestones });

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <MilestonesView />
    </HydrationBoundary>
  );
}
