import { requireFounder } from "@/lib/auth/require-founder";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db";
import { withErrors } from "@/lib/http/api-error";
import { readMilestonesPage } from "@/lib/milestones/queries/read-milestones-page";

export const dynamic = "force-dynamic";

/** GET /api/milestones: milestones newest first with their posts, posts awaiting a decision, counts. */
export const GET = withErrors(async () => {
  await requireFounder();
  const page = await readMilestonesPage(db(), getConfig());
  return Response.json(page, { headers: { "cache-control": "private, no-store" } });
});
