import { requireFounder } from "@/lib/auth/require-founder";
import { db } from "@/lib/db";
import { withErrors } from "@/lib/http/api-error";
import { readStatusControl } from "@/lib/status/manage/read-status-control";

export const dynamic = "force-dynamic";

/** GET /api/status-admin: components with their overrides, recent incidents, maintenance. */
export const GET = withErrors(async () => {
  await requireFounder();
  const data = await readStatusControl(db());
  return Response.json(data, { headers: { "cache-control": "private, no-store" } });
});
