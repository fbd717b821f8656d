// Evaluates the milestone rules (some only need the clock to move: a recovery that held, the
// first day's summary), then sends the outbox's due posts.
import { sendDuePosts } from "@/lib/social/send-posts";
import { countMilestones } from "./count-milestones";
import type { Job } from "./types";

export const sendPosts: Job = {
  name: "send-posts",
  async run(context) {
    const { db, config, log, signal, count } = context;
    await countMilestones(context);
    const result = await sendDuePosts(db, config, { now: new Date(), signal, log });
    for (const [name, n] of Object.entries(result)) count(name, n);
  },
};
