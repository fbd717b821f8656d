// GET /badge/<component key>.svg: one component's status as an SVG badge; 404 for an unknown key.
import { getServedSnapshot } from "@/lib/status/snapshot-cache";
import { componentBadge } from "@/lib/status/status-badge";
import { snapshotDocument } from "@/lib/status/v2-route";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ component: string }> };

export async function GET(request: Request, { params }: Params) {
  const key = (await params).component.replace(/\.svg$/, "");
  return snapshotDocument(request, await getServedSnapshot(), "image/svg+xml", (s) =>
    componentBadge(s, key),
  );
}
