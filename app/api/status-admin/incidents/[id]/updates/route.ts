import { requireFounder } from "@/lib/auth/require-founder";
import { db } from "@/lib/db";
import { withErrors } from "@/lib/http/api-error";
import { incidentUpdateSchema, parseId, parseInput } from "@/lib/status/manage/manage-schemas";
import { postIncidentUpdate } from "@/lib/status/manage/post-incident-update";
import { readJsonBody } from "@/lib/status/manage/read-json-body";
import { refreshStatusPage } from "@/lib/status/manage/refresh-status-page";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** POST /api/status-admin/incidents/:id/updates {status, body}: 201; an unknown incident is a 404. */
export const POST = withErrors(async (request: Request, context: Context) => {
  const founder = await requireFounder(request);
  const input = parseInput(incidentUpdateSchema, await readJsonBody(request));
  const incident = await postIncidentUpdate(
    db(),
    founder,
    parseId((await context.params).id),
    input,
  );
  await refreshStatusPage();
  return Response.json(incident, { status: 201 });
});
