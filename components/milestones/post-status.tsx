// A post's state as a badge: green once sent, red when it failed, amber while it waits for a
// founder, blue while the outbox works on it, grey when it will never be sent.
import type { PostStatus } from "@/lib/milestones/queries/milestones-page-types";

export const postStatusLabel: Record<PostStatus, string> = {
  pending: "Queued",
  awaiting_approval: "Awaiting approval",
  sending: "Sending",
  sent: "Sent",
  failed: "Failed",
  reconcile: "Needs a check",
  dry_run: "Dry run",
  cancelled: "Cancelled",
};

const tone: Record<PostStatus, string> = {
  pending: " badge--running",
  awaiting_approval: " badge--timeout",
  sending: " badge--running",
  sent: " badge--success",
  failed: " badge--failed",
  reconcile: " badge--timeout",
  dry_run: "",
  cancelled: "",
};

export function PostStatusBadge({ status }: { status: PostStatus }) {
  return (
    <span className={`badge${tone[status]}`} data-testid="post-status" data-status={status}>
      {postStatusLabel[status]}
    </span>
  );
}
