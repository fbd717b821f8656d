import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { UptimeView } from "@/components/uptime/uptime-view";
import { paramsFromRecord } from "@/lib/api-client/growth";
import { getServerQueryClient } from "@/lib/api-client/server-query-client";
import { parseUptimeRange, statusControlQuery, uptimeQuery } from "@/lib/api-client/uptime";
import { requireFounder } from "../require-founder";
import { loadStatusControl, loadUptime } from "./load-uptime";

export const metadata: Metadata = { title: "Uptime" };
export const dynamic = "force-dynamic";

type UptimePageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function UptimePage({ searchParams }: UptimePageProps) {
  await requireFounder();
  // The URL's range, read as the browser reads it, prefetched under the browser's keys.
  const range = parseUptimeRange(paramsFromRecord(await searchParams));
  const queryClient = getServerQueryClient();
  // A failure is not fatal: the browser retries.
  await Promise.all([
    queryClient.prefetchQuery({ ...uptimeQuery(range), queryFn: () => loadUptime(range) }),
    queryClient.prefetchQuery({ ...statusControlQuery(), queryFn: () => loadStatusControl() }),
  ]);

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <UptimeView />
    </HydrationBoundary>
  );
}
