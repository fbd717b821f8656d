import { requireFounder } from "@/lib/auth/require-founder";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db";
import { readSummary } from "@/lib/growth/queries/read-growth";
import { withErrors } from "@/lib/http/api-error";

export const dynamic = "force-dynamic";

/** GET /api/growth/summary?metric=users_total&range=7d&tz=Pacific/Auckland */
export const GET = withErrors(async (request: Request) => {
  await requireFounder();
  const summary = await readSummary(db(), getConfig(), new URL(request.url).searchParams);
  return Response.json(summary, { headers: { "cache-control": "private, no-store" } });
});
