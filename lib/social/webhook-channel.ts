// A webhook: one JSON POST that Slack ({text}) and Discord ({content}) incoming webhooks both
// take, with X-Liftoff-Idempotency-Key for receivers that deduplicate. Neither Slack nor Discord
// does, so a retry after a lost answer may show the post twice there; nothing in the answer is
// read beyond its status. The URL carries the receiver's token and never appears in an error.
import { failureForRequest, failureForStatus, resetFromRetryAfter } from "./channel-failure";
import {
  ChannelError,
  type ChannelConfig,
  type ReadSecret,
  type SocialChannel,
} from "./channel-types";

type WebhookConfig = Extract<ChannelConfig, { kind: "webhook" }>;

export function createWebhookChannel(config: WebhookConfig, secret: ReadSecret): SocialChannel {
  const label = `channels.${config.key}`;
  const url = secret(config.urlEnv);
  if (!/^https?:\/\//.test(url)) {
    throw new ChannelError(label, "permanent", `${config.urlEnv} does not hold an http(s) URL`);
  }

  return {
    key: config.key,
    kind: "webhook",
    async send(post, signal) {
      let response: Response;
      try {
        response = await fetch(url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "user-agent": "Liftoff",
            "x-liftoff-idempotency-key": post.idempotencyKey,
          },
          body: JSON.stringify({ text: post.text, content: post.text }),
          redirect: "manual",
          signal,
        });
      } catch (error) {
        throw failureForRequest(label, error, signal);
      }
      // The body is not needed (and may echo what was sent); let the connection go.
      await response.body?.cancel().catch(() => undefined);
      if (response.status < 200 || response.status > 299) {
        const retryAt = resetFromRetryAfter(response.headers.get("retry-after"));
        throw failureForStatus(label, response.status, response.statusText, retryAt);
      }
      return { externalId: post.idempotencyKey, url: null };
    },
  };
}
