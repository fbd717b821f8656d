// A founder settles a post whose send may or may not have landed (the network timed out, or said it
// already holds the text). "posted": it is on the network, so it is sent and never sent again,
// with where it lives when the founder found it. "not-posted": the founder looked and the network
// has no such post, so it joins the queue again.
import type { Founder } from "@/lib/audit/record-audit";
import type { Database } from "@/lib/database/client";
import type { ReconcilePostInput } from "./post-schemas";
import { transitionPost } from "./transition-post";

export function reconcilePost(
  db: Database,
  founder: Founder,
  id: number | null,
  input: ReconcilePostInput,
  now = new Date(),
) {
  const data =
    input.outcome === "posted"
      ? {
          status: "sent" as const,
          sentAt: now,
          ...(input.url ? { url: input.url } : {}),
          ...(input.externalId ? { externalId: input.externalId } : {}),
        }
      : { status: "pending" as const, nextAttemptAt: now };
  return transitionPost(db, founder, id, {
    from: ["reconcile"],
    data,
    action: "reconciled",
    detail: input.outcome === "posted" ? "as posted" : "as not posted (queued again)",
  });
}
