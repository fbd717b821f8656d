// GET /api/v2/incidents/unresolved.json:
// incidents not yet resolved (Statuspage API v2), from the in-memory snapshot.
import { v2UnresolvedIncidents } from "@/lib/status/statuspage-v2";
import { statusJsonRoute } from "@/lib/status/v2-route";

export const dynamic = "force-dynamic";

const route = statusJsonRoute(v2UnresolvedIncidents);
export const GET = route.GET;
export const OPTIONS = route.OPTIONS;
