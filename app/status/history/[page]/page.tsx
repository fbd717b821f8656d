import type { Metadata } from "next";
import { parsePageParam } from "@/components/status/incident-pages";
import { StatusPageView } from "@/components/status/status-page-view";
import { getConfig } from "@/lib/config";
import { getServedSnapshot } from "@/lib/status/snapshot-cache";

// Older incidents, a page at a time: rendered on request from the in-memory snapshot (these pages
// see a fraction of /status's traffic).
export const dynamic = "force-dynamic";

type HistoryPageProps = { params: Promise<{ page: string }> };

export async function generateMetadata({ params }: HistoryPageProps): Promise<Metadata> {
  const [{ snapshot }, { page }] = await Promise.all([getServedSnapshot(), params]);
  return {
    title: {
      absolute: `${snapshot.page.name} Status: incident history, page ${parsePageParam(page)}`,
    },
  };
}

export default async function StatusHistoryPage({ params }: HistoryPageProps) {
  const [served, { page }] = await Promise.all([getServedSnapshot(), params]);
  return (
    <StatusPageView
      served={served}
      page={parsePageParam(page)}
      incidentsPerPage={getConfig().statusPage.incidentsPerPage}
    />
  );
}
