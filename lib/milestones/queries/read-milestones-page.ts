// The Milestones page's data: the newest 200 milestones with their posts, every post awaiting
// approval or a reconcile decision (whatever its milestone's age), and the outbox's counts.
import type { LoadedConfig } from "@/lib/config";
import type { Database } from "@/lib/database/client";
import { channelMode } from "../channel-mode";
import type {
  ChannelView,
  DecisionView,
  MilestonesPageData,
  MilestoneSummary,
  PostStatus,
  PostView,
} from "./milestones-page-types";
import { postStatuses } from "./milestones-page-types";

const MILESTONES_SHOWN = 200;

type MilestoneRow = {
  id: number;
  key: string;
  rule: string;
  value: number;
  metAt: Date;
  details: unknown;
};
type PostRow = {
  id: number;
  milestoneId: number;
  channel: string;
  status: PostStatus;
  text: string;
  url: string | null;
  error: string | null;
  attempts: number;
  sentAt: Date | null;
  nextAttemptAt: Date;
};

const postFields = {
  id: true,
  milestoneId: true,
  channel: true,
  status: true,
  text: true,
  url: true,
  error: true,
  attempts: true,
  sentAt: true,
  nextAttemptAt: true,
} as const;
const milestoneFields = {
  id: true,
  key: true,
  rule: true,
  value: true,
  metAt: true,
  details: true,
} as const;

function detailsOf(row: MilestoneRow): Record<string, unknown> {
  return row.details && typeof row.details === "object"
    ? (row.details as Record<string, unknown>)
    : {};
}

function summaryOf(row: MilestoneRow): MilestoneSummary {
  const label = detailsOf(row).label;
  return {
    id: row.id,
    key: row.key,
    rule: row.rule,
    label: typeof label === "string" && label ? label : row.key,
    value: row.value,
    metAt: row.metAt.toISOString(),
  };
}

export async function readMilestonesPage(
  db: Database,
  config: Pick<LoadedConfig, "channels">,
  env: Readonly<Record<string, string | undefined>> = process.env,
  now = new Date(),
): Promise<MilestonesPageData> {
  const decisions = { status: { in: ["awaiting_approval", "reconcile"] as PostStatus[] } };
  const [milestones, waiting, grouped] = await Promise.all([
    db.milestone.findMany({
      orderBy: [{ metAt: "desc" }, { id: "desc" }],
      take: MILESTONES_SHOWN,
      select: { ...milestoneFields, posts: { select: postFields, orderBy: { channel: "asc" } } },
    }),
    db.post.findMany({
      where: decisions,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { ...postFields, milestone: { select: milestoneFields } },
    }),
    db.post.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);

  const kinds = new Map(config.channels.map((c) => [c.key, c.kind]));
  const postOf = (row: PostRow): PostView => ({
    ...row,
    channelKind: kinds.get(row.channel) ?? null,
    sentAt: row.sentAt?.toISOString() ?? null,
    nextAttemptAt: row.nextAttemptAt.toISOString(),
  });
  const decisionOf = ({
    milestone,
    ...post
  }: PostRow & { milestone: MilestoneRow }): DecisionView => ({
    ...postOf(post),
    milestone: summaryOf(milestone),
  });
  const counts = Object.fromEntries(postStatuses.map((s) => [s, 0])) as Record<PostStatus, number>;
  for (const row of grouped) counts[row.status] = row._count._all;

  return {
    generatedAt: now.toISOString(),
    channels: config.channels.map((channel): ChannelView => ({
      key: channel.key,
      kind: channel.kind,
      mode: channelMode(channel, env),
      settings: { ...channel, templates: {} },
    })),
    milestones: milestones.map(({ posts, ...milestone }) => ({
      ...summaryOf(milestone),
      details: detailsOf(milestone),
      posts: posts.map(postOf),
    })),
    approvals: waiting.filter((p) => p.status === "awaiting_approval").map(decisionOf),
    reconcile: waiting.filter((p) => p.status === "reconcile").map(decisionOf),
    counts,
  };
}
