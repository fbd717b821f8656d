import { requireFounder } from "@/lib/auth/require-founder";
import { db } from "@/lib/db";
import { withErrors } from "@/lib/http/api-error";
import { maintenanceSchema, parseInput } from "@/lib/status/manage/manage-schemas";
import { readJsonBody } from "@/lib/status/manage/read-json-body";
import { refreshStatusPage } from "@/lib/status/manage/refresh-status-page";
import { scheduleMaintenance } from "@/lib/status/manage/schedule-maintenance";

export const dynamic = "force-dynamic";

/** POST /api/status-admin/maintenances {name, body, scheduledFor, scheduledUntil, components}: 201. */
export const POST = withErrors(async (request: Request) => {
  const founder = await requireFounder(request);
  const input = parseInput(maintenanceSchema, await readJsonBody(request));
  const maintenance = await scheduleMaintenance(db(), founder, input);
  await refreshStatusPage();
  return Response.json(maintenance, { status: 201 });
});
