// How a channel's posts start in the outbox: auto (pending, sent by the poster), approve (waiting
// for a founder) or dry-run (recorded, never sent). A channel whose credentials are not all in the
// environment is dry-run whatever it asks for: nothing could be sent. An empty variable is unset.
import type { ChannelConfig } from "@/lib/config/schema";
import { type ChannelEnv, channelHasCredentials } from "@/lib/social/create-channel";

export type ChannelMode = "auto" | "approve" | "dry-run";

export function channelMode(channel: ChannelConfig, env: ChannelEnv): ChannelMode {
  return channelHasCredentials(channel, env) ? (channel.mode ?? "auto") : "dry-run";
}

/** The status a new post of a channel in `mode` starts with. */
export const postStatusByMode = {
  auto: "pending",
  approve: "awaiting_approval",
  "dry-run": "dry_run",
} as const satisfies Record<ChannelMode, string>;
