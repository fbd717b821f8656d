import type { Metadata } from "next";
import { parsePageParam } from "@/components/status/incident-pages";
import { StatusPageView } from "@/components/status/status-page-view";
import { getConfig } from "@/lib/config";
import { getServedSnapshot } from "@/lib/status/snapshot-cache";

// Rendered per request from the in-memory snapshot: no visitor ever causes a database query, and
// nothing is read at build time (there may be no database then).
export const dynamic = "force-dynamic";

type StatusPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

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

export default async function StatusPage({ searchParams }: StatusPageProps) {
  const [served, params] = await Promise.all([getServedSnapshot(), searchParams]);
  return (
    <StatusPageView
      served={served}
      page={parsePageParam(params.page)}
      incidentsPerPage={getConfig().statusPage.incidentsPerPage}
    />
  );
}
