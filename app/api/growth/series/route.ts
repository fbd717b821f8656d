import { requireFounder } from "@/lib/auth/require-founder";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db";
import { firstSampleAt } from "@/lib/growth/queries/first-sample";
import { getMetricSeries } from "@/lib/growth/queries/get-metric-series";
import { autoUnit, parseSeriesParams, resolveRange } from "@/lib/growth/queries/series-params";
import { seriesToCsv } from "@/lib/growth/queries/series-csv";
import { withErrors } from "@/lib/http/api-error";

export const dynamic = "force-dynamic";

/** GET /api/growth/series?metric=users_total&range=7d&unit=auto&tz=Pacific/Auckland[&format=csv] */
export const GET = withErrors(async (request: Request) => {
  await requireFounder();
  const params = parseSeriesParams(new URL(request.url).searchParams);
  const database = db();
  const range = resolveRange(params, new Date(), await firstSampleAt(database, params.metric));
  const unit =
    params.unit === "auto" ? autoUnit(range.to.getTime() - range.from.getTime()) : params.unit;
  const timeZone = params.tz ?? getConfig().timezone;
  const points = await getMetricSeries(database, {
    metric: params.metric,
    ...range,
    unit,
    timeZone,
  });
  if (params.format === "csv") {
    return new Response(seriesToCsv(points), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${params.metric}-${unit}.csv"`,
        "cache-control": "private, no-store",
      },
    });
  }
  const body = { metric: params.metric, unit, timeZone, from: range.from, to: range.to, points };
  return Response.json(body, { headers: { "cache-control": "private, no-store" } });
});
