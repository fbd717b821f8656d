// Mastodon: POST /api/v1/statuses through masto, with the post's Idempotency-Key (masto passes
// per-call headers and the caller's signal through `requestInit`). Mastodon keeps the key for an
// hour and answers a repeat with the status it already made, so a retry within the hour cannot
// post twice. An answer masto cannot read (not JSON, or JSON of another shape) or a connection
// cut after the request went out is unconfirmed: the post waits for a founder in reconcile.
// masto resolves "/api/v1/..." against the host alone, so the configuration refuses a base URL
// with a path for Mastodon (lib/config/schema.ts) rather than let it fail here.
import {
  createRestAPIClient,
  MastoDeserializeError,
  MastoHttpError,
  MastoUnexpectedError,
} from "masto";
import { z } from "zod";
import {
  failureForRequest,
  failureForStatus,
  readAnswer,
  resetFromIso,
  unconfirmed,
} from "./channel-failure";
import {
  ChannelError,
  type ChannelConfig,
  type ReadSecret,
  type SocialChannel,
} from "./channel-types";

type MastodonConfig = Extract<ChannelConfig, { kind: "mastodon" }>;

const createdStatus = z.object({ id: z.string().min(1), url: z.url().nullable() });

function toChannelError(channel: string, error: unknown, signal: AbortSignal): ChannelError {
  if (error instanceof ChannelError) return error;
  if (error instanceof MastoHttpError) {
    // masto keeps the Response it failed on as the cause; its headers say when to retry.
    const response = error.cause instanceof Response ? error.cause : undefined;
    const retryAt = resetFromIso(response?.headers.get("x-ratelimit-reset"));
    return failureForStatus(channel, error.statusCode, error.message, retryAt);
  }
  // Neither says which status came with the body: an error page of a proxy in front of the
  // server and a status made but answered in garbage look the same, so neither is a refusal.
  if (error instanceof MastoUnexpectedError || error instanceof MastoDeserializeError) {
    if (!signal.aborted) return unconfirmed(channel, "the answer is not JSON");
  }
  return failureForRequest(channel, error, signal);
}

export function createMastodonChannel(config: MastodonConfig, secret: ReadSecret): SocialChannel {
  const label = `channels.${config.key}`;
  const client = createRestAPIClient({
    url: config.baseUrl,
    accessToken: secret(config.tokenEnv),
  });

  return {
    key: config.key,
    kind: "mastodon",
    async send(post, signal) {
      try {
        signal.throwIfAborted();
        const data: unknown = await client.v1.statuses.create(
          { status: post.text },
          { requestInit: { headers: { "Idempotency-Key": post.idempotencyKey }, signal } },
        );
        const status = readAnswer(label, createdStatus, data);
        return { externalId: status.id, url: status.url };
      } catch (error) {
        throw toChannelError(label, error, signal);
      }
    },
  };
}
