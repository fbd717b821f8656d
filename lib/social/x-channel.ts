// X: API v2 POST /2/tweets with a JSON body, signed with OAuth 1.0a user context by
// twitter-api-v2. The base URL may carry a path (a proxy): the package picks JSON only for
// paths that start with /2/, so JSON is forced (forceBodyMode). The package always sends through
// node:https; an http:// base URL (a local fake) needs an http.Agent, and
// the caller's AbortSignal reaches the request through a plugin's onBeforeRequest hook (the
// package has no signal option of its own). X answers a repeated text with 403 "duplicate
// content": that post is already there, so it is reported as "duplicate", never re-sent.
import { Agent as HttpAgent } from "node:http";
import {
  ApiPartialResponseError,
  ApiRequestError,
  ApiResponseError,
  TwitterApi,
  type ITwitterApiClientPlugin,
} from "twitter-api-v2";
import { z } from "zod";
import { failureForRequest, failureForStatus, readAnswer, unconfirmed } from "./channel-failure";
import {
  ChannelError,
  type ChannelConfig,
  type ReadSecret,
  type SocialChannel,
} from "./channel-types";
import { xRetryAt } from "./x-rate-limit";

type XConfig = Extract<ChannelConfig, { kind: "x" }>;

const createdTweet = z.object({ data: z.object({ id: z.string().regex(/^\d+$/) }) });

const errorBody = z
  .object({
    title: z.string().optional(),
    detail: z.string().optional(),
    errors: z.array(z.object({ message: z.string().optional() })).optional(),
  })
  .catch({});

/** X v2 says "You are not allowed to create a Tweet with duplicate content."; v1.1 said 187. */
function isDuplicate(error: ApiResponseError, detail: string): boolean {
  return error.code === 403 && (/duplicate content/i.test(detail) || error.hasErrorCode(187));
}

function describe(data: unknown): string {
  const body = errorBody.parse(data);
  return body.detail ?? body.title ?? body.errors?.[0]?.message ?? "";
}

/**
 * The socket's own error (ECONNREFUSED...) behind a request that got no answer. twitter-api-v2
 * 1.29 stores it as `_options.error` while its `requestError` getter reads `_options.requestError`,
 * so the getter is always undefined; both are read, the getter first.
 */
function socketError(error: unknown): unknown {
  if (!(error instanceof ApiRequestError)) return error;
  const stored = (error as unknown as { _options?: { error?: unknown } })._options?.error;
  return error.requestError ?? stored ?? error;
}

function toChannelError(channel: string, error: unknown, signal: AbortSignal): ChannelError {
  if (error instanceof ChannelError) return error;
  if (error instanceof ApiResponseError) {
    const detail = describe(error.data);
    if (isDuplicate(error, detail)) {
      return new ChannelError(channel, "duplicate", `X already holds this text: ${detail}`);
    }
    return failureForStatus(channel, error.code, detail, xRetryAt(error.headers));
  }
  if (error instanceof ApiPartialResponseError && !signal.aborted) {
    const status = error.response.statusCode ?? 0;
    if (status >= 400) return failureForStatus(channel, status, "an unreadable error body");
    const body = error.response.complete ? "not JSON" : "cut off";
    return unconfirmed(channel, `HTTP ${status} whose body is ${body}`);
  }
  return failureForRequest(channel, socketError(error), signal);
}

export function createXChannel(config: XConfig, secret: ReadSecret): SocialChannel {
  const label = `channels.${config.key}`;
  const prefix = `${config.baseUrl.replace(/\/+$/, "")}/2/`;
  const tokens = {
    appKey: secret(config.apiKeyEnv),
    appSecret: secret(config.apiSecretEnv),
    accessToken: secret(config.accessTokenEnv),
    accessSecret: secret(config.accessSecretEnv),
  };
  const httpAgent = prefix.startsWith("http:") ? new HttpAgent() : undefined;

  return {
    key: config.key,
    kind: "x",
    async send(post, signal) {
      const abortWithSignal: ITwitterApiClientPlugin = {
        onBeforeRequest: ({ requestOptions }) => {
          requestOptions.signal = signal;
        },
      };
      const client = new TwitterApi(tokens, {
        ...(httpAgent ? { httpAgent } : {}),
        plugins: [abortWithSignal],
      });
      try {
        signal.throwIfAborted();
        const answer: unknown = await client.v2.post(
          "tweets",
          { text: post.text },
          { prefix, forceBodyMode: "json" },
        );
        const { data } = readAnswer(label, createdTweet, answer);
        return { externalId: data.id, url: `https://x.com/i/web/status/${data.id}` };
      } catch (error) {
        throw toChannelError(label, error, signal);
      }
    },
  };
}
