// GET /api/v2/scheduled-maintenances.json:
// the 50 most recent maintenance windows (Statuspage API v2), from the in-memory snapshot.
import { v2ScheduledMaintenances } from "@/lib/status/statuspage-v2";
import { statusJsonRoute } from "@/lib/status/v2-route";

export const dynamic = "force-dynamic";

const route = statusJsonRoute(v2ScheduledMaintenances);
export const GET = route.GET;
export const OPTIONS = route.OPTIONS;
