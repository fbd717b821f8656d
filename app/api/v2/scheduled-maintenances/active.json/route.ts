// GET /api/v2/scheduled-maintenances/active.json:
// maintenance in progress or being verified (Statuspage API v2), from the in-memory snapshot.
import { v2ActiveMaintenances } from "@/lib/status/statuspage-v2";
import { statusJsonRoute } from "@/lib/status/v2-route";

export const dynamic = "force-dynamic";

const route = statusJsonRoute(v2ActiveMaintenances);
export const GET = route.GET;
export const OPTIONS = route.OPTIONS;
