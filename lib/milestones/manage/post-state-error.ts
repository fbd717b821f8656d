// A founder's decision on a post that is no longer in a state it applies to (another founder, or
// the sender, got there first): a 409 that names the post's state. Nothing was changed.
import { LiftoffError } from "@/lib/errors";
import type { PostStatus } from "../queries/milestones-page-types";

/** A state as a sentence says it: "Post 12 is being sent". */
export const postStatusWords: Record<PostStatus, string> = {
  pending: "queued",
  awaiting_approval: "awaiting approval",
  sending: "being sent",
  sent: "sent",
  failed: "failed",
  reconcile: "waiting to be reconciled",
  dry_run: "a dry run (never sent)",
  cancelled: "cancelled",
};

export class PostStateError extends LiftoffError {
  override name = "PostStateError";
  readonly code = "post_state_conflict";
  readonly status = 409;
  constructor(
    readonly postId: number,
    readonly state: PostStatus,
    action: string,
    from: readonly PostStatus[],
  ) {
    const allowed = from.map((status) => postStatusWords[status]);
    const list =
      allowed.length > 1 ? `${allowed.slice(0, -1).join(", ")} or ${allowed.at(-1)}` : allowed[0];
    super(
      `Post ${postId} is ${postStatusWords[state]}: only a post that is ${list} can be ${action}. Nothing was changed.`,
    );
  }
}
