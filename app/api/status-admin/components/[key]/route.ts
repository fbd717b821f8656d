import { requireFounder } from "@/lib/auth/require-founder";
import { db } from "@/lib/db";
import { withErrors } from "@/lib/http/api-error";
import { componentOverrideSchema, parseInput } from "@/lib/status/manage/manage-schemas";
import { readJsonBody } from "@/lib/status/manage/read-json-body";
import { refreshStatusPage } from "@/lib/status/manage/refresh-status-page";
import { setComponentOverride } from "@/lib/status/manage/set-component-override";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ key: string }> };

/** PATCH /api/status-admin/components/:key {statusOverride: status or null}; unknown key: 404. */
export const PATCH = withErrors(async (request: Request, context: Context) => {
  const founder = await requireFounder(request);
  const { statusOverride } = parseInput(componentOverrideSchema, await readJsonBody(request));
  const result = await setComponentOverride(
    db(),
    founder,
    (await context.params).key,
    statusOverride,
  );
  await refreshStatusPage();
  return Response.json(result);
});
