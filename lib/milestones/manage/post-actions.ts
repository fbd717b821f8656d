// The decisions a founder can take on a post, by the name in its URL
// (POST /api/milestones/posts/:id/:action): each body checked (a 422 naming the field), then the
// decision taken.
import type { LoadedConfig } from "@/lib/config";
import type { Founder } from "@/lib/audit/record-audit";
import type { Database } from "@/lib/database/client";
import { parseInput } from "@/lib/status/manage/manage-schemas";
import { type PostActionName, postActionNames } from "../queries/milestones-page-types";
import { approvePost } from "./approve-post";
import { cancelPost } from "./cancel-post";
import { approvePostSchema, noFieldsSchema, reconcilePostSchema } from "./post-schemas";
import { reconcilePost } from "./reconcile-post";
import { retryPost } from "./retry-post";
import type { TransitionedPost } from "./transition-post";

export const isPostAction = (name: string): name is PostActionName =>
  (postActionNames as readonly string[]).includes(name);

export async function decideOnPost(
  db: Database,
  founder: Founder,
  config: Pick<LoadedConfig, "channels">,
  name: PostActionName,
  id: number | null,
  body: unknown,
): Promise<TransitionedPost> {
  switch (name) {
    case "approve":
      return approvePost(db, founder, config, id, parseInput(approvePostSchema, body));
    case "cancel":
      parseInput(noFieldsSchema, body);
      return cancelPost(db, founder, id);
    case "retry":
      parseInput(noFieldsSchema, body);
      return retryPost(db, founder, config, id);
    case "reconcile":
      return reconcilePost(db, founder, id, parseInput(reconcilePostSchema, body));
  }
}
