import type { Metadata } from "next";
import { StatusPageView } from "@/components/status/status-page-view";
import { getConfig } from "@/lib/config";
import { getServedSnapshot } from "@/lib/status/snapshot-cache";

// Rendered from the in-memory snapshot, never a query per visitor. Not cached by Next.js: the web
// front (bin/web-server.ts) keeps the one copy the crowd reads, by the page's one freshness budget
// (lib/status/freshness.ts), and drops it when the status changes; a second cache here would only
// add its own delay.
export const dynamic = "force-dynamic";

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
