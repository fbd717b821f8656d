// What GET /api/milestones answers: every recorded milestone (newest first) with its posts, the
// posts that wait for a founder's decision, and how many posts are in each state.
import type { ChannelConfig } from "@/lib/config/schema";
import type { ChannelMode } from "../channel-mode";

export const postStatuses = [
  "pending",
  "awaiting_approval",
  "sending",
  "sent",
  "failed",
  "reconcile",
  "dry_run",
  "cancelled",
] as const;

export type PostStatus = (typeof postStatuses)[number];

/** The decisions a founder can take on a post: POST /api/milestones/posts/:id/<name>. */
export const postActionNames = ["approve", "cancel", "retry", "reconcile"] as const;

export type PostActionName = (typeof postActionNames)[number];

/** A configured channel as the page needs it: its settings (templates left out) measure a text. */
export type ChannelView = {
  key: string;
  kind: ChannelConfig["kind"];
  mode: ChannelMode;
  settings: ChannelConfig;
};

export type PostView = {
  id: number;
  milestoneId: number;
  channel: string;
  /** Null when the channel is no longer in liftoff.config.yaml. */
  channelKind: ChannelConfig["kind"] | null;
  status: PostStatus;
  text: string;
  url: string | null;
  error: string | null;
  attempts: number;
  sentAt: string | null;
  nextAttemptAt: string;
};

export type MilestoneSummary = {
  id: number;
  key: string;
  rule: string;
  /** What was met: "1,000,000 users", "top 150 on Tranco". */
  label: string;
  value: number;
  metAt: string;
};

export type MilestoneView = MilestoneSummary & {
  details: Record<string, unknown>;
  posts: PostView[];
};

/** A post waiting for a founder, with the milestone it announces. */
export type DecisionView = PostView & { milestone: MilestoneSummary };

export type MilestonesPageData = {
  generatedAt: string;
  channels: ChannelView[];
  milestones: MilestoneView[];
  /** Posts awaiting approval, oldest first. */
  approvals: DecisionView[];
  /** Posts whose fate on the network is unknown (a send that may have landed), oldest first. */
  reconcile: DecisionView[];
  counts: Record<PostStatus, number>;
};
