// What every social channel (X, Mastodon, Bluesky, a webhook) takes, gives back and throws. The
// outbox hands a channel one post at a time; the channel either returns where the post now lives
// or throws a ChannelError whose reason tells the outbox what to do next.
import type { ChannelConfig } from "@/lib/config/schema";

export type { ChannelConfig };
export type ChannelKind = ChannelConfig["kind"];

/** The value of the environment variable a configuration names as a secret; throws if unset. */
export type ReadSecret = (name: string) => string;

/** One post from the outbox. `idempotencyKey` and `id` stay the same on every attempt. */
export type OutgoingPost = { id: number; text: string; idempotencyKey: string; createdAt: Date };

/** Where a sent post lives: the network's id for it and, where it has one, its public page. */
export type SentPost = { externalId: string; url: string | null };

export interface SocialChannel {
  /** The channel's key in liftoff.config.yaml. */
  key: string;
  kind: ChannelKind;
  /** Posts once; `signal` bounds the whole attempt (the caller's timeout or shutdown). */
  send(post: OutgoingPost, signal: AbortSignal): Promise<SentPost>;
}

/**
 * rate-limited: try again at `retryAt` (when the network said). duplicate: the network already
 * holds this text (X); never post it again, reconcile instead. transient: a 5xx, a connection
 * that could not be made or a timeout; retry with the same post. unconfirmed: the request went
 * out but its answer could not be read (a body the client rejects, a connection cut before the
 * answer), so the post may be there; reconcile, never fail. permanent: the network refused the
 * post with an answer Liftoff could read (bad credentials, an invalid post); retrying will not help.
 */
export type ChannelFailure =
  "rate-limited" | "duplicate" | "transient" | "unconfirmed" | "permanent";

export class ChannelError extends Error {
  override name = "ChannelError";
  readonly retryAt?: Date;
  /** `channel` names it ("channels.launch-x"); `message` says what the network answered. */
  constructor(
    readonly channel: string,
    readonly reason: ChannelFailure,
    message: string,
    options: { retryAt?: Date } = {},
  ) {
    super(`${channel}: ${message}`);
    if (options.retryAt) this.retryAt = options.retryAt;
  }
}
