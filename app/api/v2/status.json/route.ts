// GET /api/v2/status.json:
// the page and its overall status (Statuspage API v2), from the in-memory snapshot.
import { v2Status } from "@/lib/status/statuspage-v2";
import { statusJsonRoute } from "@/lib/status/v2-route";

export const dynamic = "force-dynamic";

const route = statusJsonRoute(v2Status);
export const GET = route.GET;
export const OPTIONS = route.OPTIONS;
