import { requireFounder } from "@/lib/auth/require-founder";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db";
import { firstSampleAt } from "@/lib/growth/queries/first-sample";
import { parseSeriesParams, resolveRange } from "@/lib/growth/queries/series-params";
import { getGrowthSummary } from "@/lib/growth/summary";
import { withErrors } from "@/lib/http/api-error";

export const dynamic = "force-dynamic";

/** GET /api/growth/summary?metric=users_total&range=7d&tz=Pacific/Auckland */
export const GET = withErrors(async (request: Request) => {
  await requireFounder();
  const params = parseSeriesParams(new URL(request.url).searchParams);
  const database = db();
  const config = getConfig();
  const range = resolveRange(params, new Date(), await firstSampleAt(database, params.metric));
  const summary = await getGrowthSummary(database, config, {
    metric: params.metric,
    ...range,
    timeZone: params.tz ?? config.timezone,
  });
  return Response.json(summary, { headers: { "cache-control": "private, no-store" } });
});
