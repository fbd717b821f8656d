import { requireFounder } from "@/lib/auth/require-founder";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db";
import { withErrors } from "@/lib/http/api-error";
import { readRankPage } from "@/lib/rank/queries/read-rank-page";

export const dynamic = "force-dynamic";

/**
 * GET /api/rank?range=30d (7d, 30d, 90d or all; none: the range that fits the data): the Rank
 * page's data; a bad range is a 422.
 */
export const GET = withErrors(async (request: Request) => {
  await requireFounder();
  const page = await readRankPage(db(), getConfig(), new URL(request.url).searchParams);
  return Response.json(page, { headers: { "cache-control": "private, no-store" } });
});
