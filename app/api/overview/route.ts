import { requireFounder } from "@/lib/auth/require-founder";
import { getOverview } from "@/lib/dashboard/overview";
import { withErrors } from "@/lib/http/api-error";

export const dynamic = "force-dynamic";

export const GET = withErrors(async () => {
  await requireFounder();
  return Response.json(await getOverview(), { headers: { "cache-control": "private, no-store" } });
});
