// GET /api/v2/components.json:
// every component and group (Statuspage API v2), from the in-memory snapshot.
import { v2Components } from "@/lib/status/statuspage-v2";
import { statusJsonRoute } from "@/lib/status/v2-route";

export const dynamic = "force-dynamic";

const route = statusJsonRoute(v2Components);
export const GET = route.GET;
export const OPTIONS = route.OPTIONS;
