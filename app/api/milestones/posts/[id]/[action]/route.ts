import { requireFounder } from "@/lib/auth/require-founder";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { withErrors } from "@/lib/http/api-error";
import { decideOnPost, isPostAction } from "@/lib/milestones/manage/post-actions";
import { parseId } from "@/lib/status/manage/manage-schemas";
import { readJsonBody } from "@/lib/status/manage/read-json-body";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string; action: string }> };

/**
 * POST /api/milestones/posts/:id/approve {text?} · cancel {} · retry {} ·
 * reconcile {outcome: "posted", url?, externalId?} or {outcome: "not-posted"}.
 * 200 with the post; 404 for an unknown post or action; 409 naming the post's state when the
 * decision does not apply to it; 422 naming the field (or the channel's limit).
 */
export const POST = withErrors(async (request: Request, context: Context) => {
  const founder = await requireFounder(request);
  const { id, action } = await context.params;
  if (!isPostAction(action))
    throw new NotFoundError(`No decision called ${JSON.stringify(action)}.`);
  const body = await readJsonBody(request);
  const post = await decideOnPost(db(), founder, getConfig(), action, parseId(id), body);
  return Response.json(post);
});
