// A founder cancels a post that has not been sent: it will never be. A post being sent right now
// cannot be cancelled (the sender holds it); one that is sent is history.
import type { Founder } from "@/lib/audit/record-audit";
import type { Database } from "@/lib/database/client";
import { transitionPost } from "./transition-post";

export function cancelPost(db: Database, founder: Founder, id: number | null) {
  return transitionPost(db, founder, id, {
    from: ["awaiting_approval", "pending", "failed", "reconcile"],
    data: { status: "cancelled" },
    action: "cancelled",
  });
}
