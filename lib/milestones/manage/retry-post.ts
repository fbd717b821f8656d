// A founder sends a failed post again: it joins the queue at once with its text unchanged, which
// must fit its channel (a text refused as too long would only fail again). Its attempts and last
// error stay as they were, for the sender and the page to read.
import type { Founder } from "@/lib/audit/record-audit";
import type { Database } from "@/lib/database/client";
import { type ChannelsConfig, checkPostFits } from "./post-channel";
import { transitionPost } from "./transition-post";

export async function retryPost(
  db: Database,
  founder: Founder,
  config: ChannelsConfig,
  id: number | null,
  now = new Date(),
) {
  await checkPostFits(db, config, id);
  return transitionPost(db, founder, id, {
    from: ["failed"],
    data: { status: "pending", nextAttemptAt: now },
    action: "retried",
  });
}
