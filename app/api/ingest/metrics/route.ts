// POST /api/ingest/metrics: services push metric samples with their push source's bearer token
// (public in proxy.ts; lib/growth/push.ts authenticates, validates and stores).
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db";
import { handleMetricPush } from "@/lib/growth/push";
import { withErrors } from "@/lib/http/api-error";

export const dynamic = "force-dynamic";

export const POST = withErrors(async (request: Request) =>
  handleMetricPush(request, { db: db(), config: getConfig() }),
);
