// GET /api/v2/summary.json:
// the page, its status, components, unresolved incidents and current maintenance
// (Statuspage API v2), from the in-memory snapshot.
import { v2Summary } from "@/lib/status/statuspage-v2";
import { statusJsonRoute } from "@/lib/status/v2-route";

export const dynamic = "force-dynamic";

const route = statusJsonRoute(v2Summary);
export const GET = route.GET;
export const OPTIONS = route.OPTIONS;
