import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { JobsView } from "@/components/jobs/jobs-view";
import { jobsQuery } from "@/lib/api-client/jobs";
import { getServerQueryClient } from "@/lib/api-client/server-query-client";
import { getJobsData } from "@/lib/dashboard/jobs";
import { requireFounder } from "../require-founder";

export const metadata: Metadata = { title: "Jobs" };
export const dynamic = "force-dynamic";

export default async function JobsPage() {
  await requireFounder();
  const queryClient = getServerQueryClient();
  await queryClient.prefetchQuery({ ...jobsQuery(), queryFn: () => getJobsData() });

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <JobsView />
    </HydrationBoundary>
  );
}
