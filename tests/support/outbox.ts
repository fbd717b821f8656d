// Posts put straight into the outbox for the sender's tests: each under its own milestone, with
// the key recordMilestones would give it.
import type { Database } from "@/lib/database/client";
import type { PostStatus } from "@/lib/generated/prisma/client";
import { postIdempotencyKey } from "@/lib/milestones/record-milestones";

export type NewPost = {
  channel: string;
  text: string;
  status?: PostStatus;
  nextAttemptAt?: Date;
};

let milestones = 0;

export async function addPosts(db: Database, posts: readonly NewPost[]): Promise<number[]> {
  const ids: number[] = [];
  for (const post of posts) {
    milestones += 1;
    const milestone = await db.milestone.create({
      data: {
        key: `test-${milestones}-${post.channel}`,
        rule: "metric",
        metAt: new Date(),
        value: 1,
      },
    });
    const created = await db.post.create({
      data: {
        milestoneId: milestone.id,
        channel: post.channel,
        status: post.status ?? "pending",
        text: post.text,
        idempotencyKey: postIdempotencyKey(milestone.id, post.channel),
        nextAttemptAt: post.nextAttemptAt ?? new Date(0),
      },
    });
    ids.push(created.id);
  }
  return ids;
}
