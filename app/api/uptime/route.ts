import { requireFounder } from "@/lib/auth/require-founder";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db";
import { withErrors } from "@/lib/http/api-error";
import { readUptimePage } from "@/lib/uptime/queries/read-uptime-page";

export const dynamic = "force-dynamic";

/** GET /api/uptime?range=7d (24h, 7d, 30d or 90d): the Uptime page's data; a bad range is a 422. */
export const GET = withErrors(async (request: Request) => {
  await requireFounder();
  const page = await readUptimePage(db(), getConfig(), new URL(request.url).searchParams);
  return Response.json(page, { headers: { "cache-control": "private, no-store" } });
});
