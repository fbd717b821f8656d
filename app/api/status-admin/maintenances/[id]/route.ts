import { requireFounder } from "@/lib/auth/require-founder";
import { db } from "@/lib/db";
import { withErrors } from "@/lib/http/api-error";
import { maintenanceStatusSchema, parseId, parseInput } from "@/lib/status/manage/manage-schemas";
import { readJsonBody } from "@/lib/status/manage/read-json-body";
import { refreshStatusPage } from "@/lib/status/manage/refresh-status-page";
import { setMaintenanceStatus } from "@/lib/status/manage/schedule-maintenance";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** PATCH /api/status-admin/maintenances/:id {status}: e.g. "completed"; an unknown id is a 404. */
export const PATCH = withErrors(async (request: Request, context: Context) => {
  const founder = await requireFounder(request);
  const { status } = parseInput(maintenanceStatusSchema, await readJsonBody(request));
  const result = await setMaintenanceStatus(
    db(),
    founder,
    parseId((await context.params).id),
    status,
  );
  await refreshStatusPage();
  return Response.json(result);
});
