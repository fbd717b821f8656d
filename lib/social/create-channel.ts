// Builds the client for one `channels:` entry of liftoff.config.yaml. Secrets are read from the
// environment variables the entry names; channelHasCredentials says whether they are all set, so
// that a channel without them can default to dry-run instead of failing at send time.
import { readSecret } from "@/lib/env";
import type { ChannelConfig, SocialChannel } from "./channel-types";
import { createBlueskyChannel } from "./bluesky-channel";
import { createMastodonChannel } from "./mastodon-channel";
import { createWebhookChannel } from "./webhook-channel";
import { createXChannel } from "./x-channel";

/** The environment a channel's secrets are read from (process.env, or a test's own). */
export type ChannelEnv = Readonly<Record<string, string | undefined>>;

/** The environment variables a channel's secrets are read from. */
export function credentialNames(config: ChannelConfig): string[] {
  switch (config.kind) {
    case "x":
      return [config.apiKeyEnv, config.apiSecretEnv, config.accessTokenEnv, config.accessSecretEnv];
    case "mastodon":
      return [config.tokenEnv];
    case "bluesky":
      return [config.identifierEnv, config.passwordEnv];
    case "webhook":
      return [config.urlEnv];
  }
}

export function channelHasCredentials(
  config: ChannelConfig,
  env: ChannelEnv = process.env,
): boolean {
  return credentialNames(config).every((name) => Boolean(env[name]));
}

/** Throws EnvError (naming the variable) when a secret is missing. */
export function createChannel(config: ChannelConfig, env: ChannelEnv = process.env): SocialChannel {
  const secret = (name: string) => readSecret(name, env as NodeJS.ProcessEnv);
  switch (config.kind) {
    case "x":
      return createXChannel(config, secret);
    case "mastodon":
      return createMastodonChannel(config, secret);
    case "bluesky":
      return createBlueskyChannel(config, secret);
    case "webhook":
      return createWebhookChannel(config, secret);
  }
}
