import { readActivity } from "@/lib/audit/read-activity";
import { requireFounder } from "@/lib/auth/require-founder";
import { db } from "@/lib/db";
import { withErrors } from "@/lib/http/api-error";

export const dynamic = "force-dynamic";

/** GET /api/activity: founders' actions of the last 90 days, newest first; 401 without a session. */
export const GET = withErrors(async (request: Request) => {
  await requireFounder(request);
  const entries = await readActivity(db());
  return Response.json({ entries }, { headers: { "cache-control": "private, no-store" } });
});
