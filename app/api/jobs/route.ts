import { requireFounder } from "@/lib/auth/require-founder";
import { getJobsData } from "@/lib/dashboard/jobs";
import { withErrors } from "@/lib/http/api-error";

export const dynamic = "force-dynamic";

export const GET = withErrors(async () => {
  await requireFounder();
  return Response.json(await getJobsData(), { headers: { "cache-control": "private, no-store" } });
});
