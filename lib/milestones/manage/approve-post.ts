// A founder approves a post that waits for approval, perhaps with an edited text: it joins the
// outbox's queue at once. An edited text must fit its channel, counted as the network counts it.
import type { Founder } from "@/lib/audit/record-audit";
import type { Database } from "@/lib/database/client";
import { type ChannelsConfig, checkPostFits } from "./post-channel";
import type { ApprovePostInput } from "./post-schemas";
import { transitionPost } from "./transition-post";

export async function approvePost(
  db: Database,
  founder: Founder,
  config: ChannelsConfig,
  id: number | null,
  input: ApprovePostInput,
  now = new Date(),
) {
  if (input.text !== undefined) await checkPostFits(db, config, id, input.text);
  return transitionPost(db, founder, id, {
    from: ["awaiting_approval"],
    data: { status: "pending", nextAttemptAt: now, ...(input.text ? { text: input.text } : {}) },
    action: "approved",
    ...(input.text ? { detail: "with an edited text" } : {}),
  });
}
