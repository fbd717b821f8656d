// GET /badge.svg: the page's status as an SVG badge.
import { getServedSnapshot } from "@/lib/status/snapshot-cache";
import { pageBadge } from "@/lib/status/status-badge";
import { snapshotDocument } from "@/lib/status/v2-route";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return snapshotDocument(request, await getServedSnapshot(), "image/svg+xml", pageBadge);
}
