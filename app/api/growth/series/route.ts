import { requireFounder } from "@/lib/auth/require-founder";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db";
import { readSeries } from "@/lib/growth/queries/read-growth";
import { seriesToCsv } from "@/lib/growth/queries/series-csv";
import { withErrors } from "@/lib/http/api-error";

export const dynamic = "force-dynamic";

/** GET /api/growth/series?metric=users_total&range=7d&unit=auto&tz=Pacific/Auckland[&format=csv] */
export const GET = withErrors(async (request: Request) => {
  await requireFounder();
  const { series, format } = await readSeries(db(), getConfig(), new URL(request.url).searchParams);
  if (format === "csv") {
    return new Response(seriesToCsv(series.points), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${series.metric}-${series.unit}.csv"`,
        "cache-control": "private, no-store",
      },
    });
  }
  return Response.json(series, { headers: { "cache-control": "private, no-store" } });
});
