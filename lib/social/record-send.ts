// What a send attempt leaves on its post. Sent: where it now lives. Rate limited: pending again
// at the network's reset, the attempt not counted, and the channel's other due posts wait too.
// Transient: pending again after a backoff (lib/alerts/retry-schedule.ts), failed once the
// attempts run out. Permanent (a refusal Liftoff could read): failed. Duplicate (X already holds
// the text) and unconfirmed (the request went out, the answer could not be read): reconcile,
// never posted again blindly. Each update only touches a post this sender still holds (sending).
import type { Database } from "@/lib/database/client";
import { maxAttempts, nextAttemptAt } from "@/lib/alerts/retry-schedule";
import type { ClaimedPost } from "./claim-posts";
import { ChannelError, type SentPost } from "./channel-types";

export type SendOutcome = "sent" | "rate-limited" | "retry" | "failed" | "reconcile";

/** When a rate-limited channel tries again if the network did not say. */
const defaultRateLimitMs = 15 * 60_000;

export async function recordSent(db: Database, post: ClaimedPost, sent: SentPost, now: Date) {
  await db.$executeRaw`
    UPDATE post SET status = 'sent', external_id = ${sent.externalId}, url = ${sent.url},
           sent_at = ${now}, error = NULL, updated_at = ${now}
    WHERE id = ${post.id} AND status = 'sending'`;
}

/** Puts posts taken but not tried back in the queue, at `at`, their attempt not counted. */
export async function releasePosts(db: Database, posts: readonly ClaimedPost[], at: Date) {
  await db.$executeRaw`
    UPDATE post SET status = 'pending', attempts = attempts - 1, next_attempt_at = ${at},
           updated_at = now()
    WHERE id = ANY(${posts.map((p) => p.id)}::int[]) AND status = 'sending'`;
}

/** The channel's due posts wait until `until` (its rate limit's reset). */
async function holdChannel(db: Database, channel: string, until: Date) {
  await db.$executeRaw`
    UPDATE post SET next_attempt_at = ${until}, updated_at = now()
    WHERE channel = ${channel} AND status = 'pending' AND next_attempt_at < ${until}`;
}

/** Records a failed attempt; answers what became of the post and, if it waits, until when. */
export async function recordFailure(
  db: Database,
  post: ClaimedPost,
  error: ChannelError,
  now: Date,
): Promise<{ outcome: SendOutcome; retryAt: Date | null }> {
  const message = error.message.slice(0, 1000);
  const update = (status: string, at: Date, attempts = post.attempts) => db.$executeRaw`
    UPDATE post SET status = ${status}::post_status, error = ${message}, next_attempt_at = ${at},
           attempts = ${attempts}, updated_at = ${now}
    WHERE id = ${post.id} AND status = 'sending'`;
  switch (error.reason) {
    case "rate-limited": {
      const retryAt = error.retryAt ?? new Date(now.getTime() + defaultRateLimitMs);
      await update("pending", retryAt, post.attempts - 1);
      await holdChannel(db, post.channel, retryAt);
      return { outcome: "rate-limited", retryAt };
    }
    case "transient": {
      const retryAt = post.attempts >= maxAttempts ? null : nextAttemptAt(post.attempts, now);
      await update(retryAt ? "pending" : "failed", retryAt ?? now);
      return { outcome: retryAt ? "retry" : "failed", retryAt };
    }
    case "permanent":
      await update("failed", now);
      return { outcome: "failed", retryAt: null };
    case "duplicate":
    case "unconfirmed":
      await update("reconcile", now);
      return { outcome: "reconcile", retryAt: null };
  }
}
