// GET /api/v2/incidents.json:
// the 50 most recent incidents (Statuspage API v2), from the in-memory snapshot.
import { v2Incidents } from "@/lib/status/statuspage-v2";
import { statusJsonRoute } from "@/lib/status/v2-route";

export const dynamic = "force-dynamic";

const route = statusJsonRoute(v2Incidents);
export const GET = route.GET;
export const OPTIONS = route.OPTIONS;
