import type { Metadata } from "next";
import { StatusPageView } from "@/components/status/status-page-view";
import { getConfig } from "@/lib/config";
import { getServedSnapshot } from "@/lib/status/snapshot-cache";

// Regenerated at most every 10 s from the in-memory snapshot and served as a cached page between
// times (incremental static regeneration): a launch-day crowd costs one render per 10 s, never a
// render or a query per visitor. At build time there may be no database: the snapshot cache then
// serves its "status unknown" page, replaced within 10 s of the server starting.
export const revalidate = 10;

export async function generateMetadata(): Promise<Metadata> {
  const { snapshot } = await getServedSnapshot();
  return {
    title: { absolute: `${snapshot.page.name} Status` },
    description: `Is ${snapshot.page.name} up? ${snapshot.status.description}. Live component status, 90 days of uptime and incident history.`,
    alternates: {
      types: {
        "application/atom+xml": "/feed/incidents.atom",
        "application/rss+xml": "/feed/incidents.rss",
      },
    },
  };
}

export default async function StatusPage() {
  return (
    <StatusPageView
      served={await getServedSnapshot()}
      page={1}
      incidentsPerPage={getConfig().statusPage.incidentsPerPage}
    />
  );
}
