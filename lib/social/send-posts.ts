// The outbox's sender. Each configured channel takes its turn (side by side, each one's posts in
// order): its due posts are claimed (claim-posts.ts, within its quiet hours and daily cap), dry-run
// ones logged as "would have posted", the others sent one at a time outside any transaction, and
// each outcome recorded (record-send.ts). Posts a dead sender left half-sent are recovered first
// (recover-sends.ts). A rate limit, a transient failure or an answer that could not be read
// (the channel is not behaving, and each such post waits for a founder) ends the channel's
// turn; what it had not tried goes back to the queue. Logs carry post ids, channels and the
// networks' sanitised errors, never a credential.
import type { LoadedConfig } from "@/lib/config";
import type { ChannelConfig } from "@/lib/config/schema";
import type { Database } from "@/lib/database/client";
import type { Logger } from "@/lib/log";
import { claimChannelPosts, type ClaimedPost } from "./claim-posts";
import { ChannelError, type SocialChannel } from "./channel-types";
import { type ChannelEnv, channelHasCredentials, createChannel } from "./create-channel";
import { recordFailure, recordSent, releasePosts, type SendOutcome } from "./record-send";
import { recoverStaleSends } from "./recover-sends";
import { asLiveSender, sendLeaseMs } from "./sender-lock";

export type SendPostsOptions = {
  /** The sender's clock: what is due, the quiet hours and the day the cap counts. */
  now: Date;
  /** Stops the run between posts (the job's timeout or shutdown). */
  signal: AbortSignal;
  /** Where credentials are read from; default the process's environment. */
  env?: ChannelEnv;
  /** Clients by channel key, in place of createChannel's. */
  channels?: Readonly<Record<string, SocialChannel>>;
  log?: Logger;
  /** The most one send may take. */
  sendTimeoutMs?: number;
  /** No send starts after this long. */
  budgetMs?: number;
};

export type SendPostsResult = Record<SendOutcome | "dryRun" | "deferred" | "recovered", number>;

type Config = Pick<LoadedConfig, "channels" | "timezone">;

/** Any failure as a ChannelError: an unexpected one is transient, and says nothing it holds. */
function asChannelError(channel: string, error: unknown): ChannelError {
  if (error instanceof ChannelError) return error;
  const name = error instanceof Error ? error.name : typeof error;
  return new ChannelError(`channels.${channel}`, "transient", `the send failed (${name})`);
}

export async function sendDuePosts(
  db: Database,
  config: Config,
  options: SendPostsOptions,
): Promise<SendPostsResult> {
  const { now, signal, log } = options;
  const env = options.env ?? process.env;
  const sendTimeoutMs = options.sendTimeoutMs ?? 30_000;
  const budgetMs = options.budgetMs ?? 60_000;
  const result: SendPostsResult = {
    sent: 0,
    "rate-limited": 0,
    retry: 0,
    failed: 0,
    reconcile: 0,
    dryRun: 0,
    deferred: 0,
    recovered: 0,
  };
  const recovered = await recoverStaleSends(db, config.channels, now);
  result.recovered = recovered.requeued;
  result.reconcile += recovered.reconcile;
  const deadline = performance.now() + budgetMs;

  async function send(channel: ChannelConfig, posts: ClaimedPost[]): Promise<void> {
    let client = options.channels?.[channel.key];
    for (const [i, post] of posts.entries()) {
      if (signal.aborted || performance.now() > deadline) {
        return releasePosts(db, posts.slice(i), now);
      }
      try {
        client ??= createChannel(channel, env);
        const sent = await client.send(
          post,
          AbortSignal.any([signal, AbortSignal.timeout(sendTimeoutMs)]),
        );
        await recordSent(db, post, sent, now);
        result.sent += 1;
        log?.info({ channel: channel.key, post: post.id, url: sent.url }, "posted");
      } catch (caught) {
        const error = asChannelError(channel.key, caught);
        const { outcome, retryAt } = await recordFailure(db, post, error, now);
        result[outcome] += 1;
        log?.warn(
          { channel: channel.key, post: post.id, attempts: post.attempts, outcome, retryAt },
          error.message,
        );
        if (outcome === "rate-limited" || outcome === "retry" || error.reason === "unconfirmed") {
          return releasePosts(db, posts.slice(i + 1), retryAt ?? now);
        }
      }
    }
  }

  async function serve(channel: ChannelConfig): Promise<void> {
    const canSend =
      options.channels?.[channel.key] !== undefined || channelHasCredentials(channel, env);
    const claim = await claimChannelPosts(db, channel, { now, timeZone: config.timezone, canSend });
    result.deferred += claim.deferred;
    result.dryRun += claim.dryRun.length;
    for (const post of claim.dryRun) {
      log?.info({ channel: channel.key, post: post.id, text: post.text }, "dry run: would post");
    }
    await send(channel, claim.toSend);
  }

  // The run holds the live-sender lock a little less than the lease, so never outlives it.
  const holdMs = Math.min(budgetMs + sendTimeoutMs + 10_000, sendLeaseMs - 5_000);
  await asLiveSender(db, holdMs, () => Promise.all(config.channels.map(serve)));
  return result;
}
