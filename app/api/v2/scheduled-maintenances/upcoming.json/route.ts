// GET /api/v2/scheduled-maintenances/upcoming.json:
// maintenance not started yet (Statuspage API v2), from the in-memory snapshot.
import { v2UpcomingMaintenances } from "@/lib/status/statuspage-v2";
import { statusJsonRoute } from "@/lib/status/v2-route";

export const dynamic = "force-dynamic";

const route = statusJsonRoute(v2UpcomingMaintenances);
export const GET = route.GET;
export const OPTIONS = route.OPTIONS;
