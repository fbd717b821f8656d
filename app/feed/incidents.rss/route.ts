// GET /feed/incidents.rss: the incident history as RSS 2.0, from the in-memory snapshot.
import { buildIncidentFeed } from "@/lib/status/incident-feed";
import type { StatusSnapshot } from "@/lib/status/status-types";
import { getServedSnapshot } from "@/lib/status/snapshot-cache";
import { snapshotDocument } from "@/lib/status/v2-route";

export const dynamic = "force-dynamic";

const render = (snapshot: StatusSnapshot) => buildIncidentFeed(snapshot).rss2();

export async function GET(request: Request) {
  return snapshotDocument(
    request,
    await getServedSnapshot(),
    "application/rss+xml; charset=utf-8",
    render,
  );
}
