import { requireFounder } from "@/lib/auth/require-founder";
import { db } from "@/lib/db";
import { withErrors } from "@/lib/http/api-error";
import { createIncident } from "@/lib/status/manage/create-incident";
import { createIncidentSchema, parseInput } from "@/lib/status/manage/manage-schemas";
import { readJsonBody } from "@/lib/status/manage/read-json-body";
import { refreshStatusPage } from "@/lib/status/manage/refresh-status-page";

export const dynamic = "force-dynamic";

/** POST /api/status-admin/incidents {name, status, impact, components, body}: 201 with the incident. */
export const POST = withErrors(async (request: Request) => {
  const founder = await requireFounder(request);
  const input = parseInput(createIncidentSchema, await readJsonBody(request));
  const incident = await createIncident(db(), founder, input);
  await refreshStatusPage();
  return Response.json(incident, { status: 201 });
});
