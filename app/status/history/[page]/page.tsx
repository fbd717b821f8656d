import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { historyPageOf, pageIncidents } from "@/components/status/incident-pages";
import { StatusPageView } from "@/components/status/status-page-view";
import { getConfig } from "@/lib/config";
import { getServedSnapshot } from "@/lib/status/snapshot-cache";

// Older incidents, a page at a time: rendered on request from the in-memory snapshot (these pages
// see a fraction of /status's traffic). Page 1 is /status itself, so /status/history/1 redirects
// there; a page past the last one and a segment that is not a page number ("abc", "2x") are 404s.
export const dynamic = "force-dynamic";

type HistoryPageProps = { params: Promise<{ page: string }> };

/** The snapshot and the page asked for, or the redirect or 404 the request gets instead. */
async function readHistoryPage(params: HistoryPageProps["params"]) {
  const [served, { page: segment }] = await Promise.all([getServedSnapshot(), params]);
  const perPage = getConfig().statusPage.incidentsPerPage;
  const { pageCount } = pageIncidents(served.snapshot.incidents, 1, perPage);
  const target = historyPageOf(segment, pageCount);
  if (target === "first") redirect("/status");
  if (target === "missing") notFound();
  return { served, page: target.page, perPage };
}

export async function generateMetadata({ params }: HistoryPageProps): Promise<Metadata> {
  const { served, page } = await readHistoryPage(params);
  return {
    title: {
      absolute: `${served.snapshot.page.name} Status: incident history, page ${page}`,
    },
  };
}

export default async function StatusHistoryPage({ params }: HistoryPageProps) {
  const { served, page, perPage } = await readHistoryPage(params);
  return <StatusPageView served={served} page={page} incidentsPerPage={perPage} />;
}
