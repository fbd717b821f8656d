// Records milestones and their posts together, in one transaction: a milestone is inserted once
// (its key is unique; one already recorded is neither moved nor posted again), and each new one
// gets one post per channel in the outbox, its text rendered now. A post starts as its channel's
// mode says (pending, awaiting approval or dry run); a text too long for its channel is recorded
// as failed with the reason instead of being cut; a milestone met long before it was found (a
// history imported, a worker stopped for days) is recorded but not announced, its posts
// cancelled with the reason: old news posted as new is a wrong post. Either all of it is written
// or none of it.
import type { LoadedConfig } from "@/lib/config";
import type { Database } from "@/lib/database/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { channelMode, postStatusByMode } from "./channel-mode";
import type { MilestoneEvent } from "./milestone-event";
import { postTooLong } from "./post-limits";
import { renderPostText } from "./post-text";

export type RecordedMilestones = { milestones: number; posts: number; failedPosts: number };

export type RecordOptions = {
  now: Date;
  /** Where channel credentials are looked for; default the process's environment. */
  env?: Readonly<Record<string, string | undefined>>;
};

type Config = Pick<LoadedConfig, "service" | "milestones" | "channels">;

/** A milestone found later than this after it was met is not announced. */
export const announceWithinMs = 48 * 3_600_000;

/** The outbox's unique key of a milestone's post on a channel. */
export const postIdempotencyKey = (milestoneId: number, channel: string) =>
  `liftoff-${milestoneId}-${channel}`;

/** One post per channel for a newly recorded milestone. */
function postsFor(
  config: Config,
  milestoneId: number,
  event: MilestoneEvent,
  options: RecordOptions,
): Prisma.PostCreateManyInput[] {
  const rule = config.milestones.find((m) => m.key === event.ruleKey);
  return config.channels.map((channel) => {
    const template = channel.templates[event.ruleKey] ?? rule?.template;
    const rendered = renderPostText(event, template, config.service.name);
    const text = rendered.text ?? "";
    const error = rendered.error ?? postTooLong(text, channel);
    const mode = channelMode(channel, options.env ?? process.env);
    const late = options.now.getTime() - event.metAt.getTime() > announceWithinMs;
    return {
      milestoneId,
      channel: channel.key,
      status: error !== null ? "failed" : late ? "cancelled" : postStatusByMode[mode],
      error:
        error ??
        (late
          ? `met ${event.metAt.toISOString()}, found more than 48 hours later: not announced`
          : null),
      text,
      idempotencyKey: postIdempotencyKey(milestoneId, channel.key),
      nextAttemptAt: options.now,
    };
  });
}

export async function recordMilestones(
  db: Database,
  config: Config,
  events: readonly MilestoneEvent[],
  options: RecordOptions,
): Promise<RecordedMilestones> {
  if (events.length === 0) return { milestones: 0, posts: 0, failedPosts: 0 };
  const rows = events.map((e) => ({
    key: e.key,
    rule: e.rule,
    met_at: e.metAt.toISOString(),
    value: e.value,
    details: e.details,
  }));
  return db.$transaction(async (tx) => {
    const inserted = await tx.$queryRaw<{ id: number; key: string }[]>`
      INSERT INTO milestone (key, rule, met_at, value, site_id, details)
      SELECT e.key, e.rule, e.met_at, e.value,
             (SELECT id FROM site WHERE domain = ${config.service.domain}), e.details
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS e(key text, rule text, met_at timestamptz, value float8, details jsonb)
      ORDER BY e.met_at, e.key
      ON CONFLICT (key) DO NOTHING
      RETURNING id, key`;
    const byKey = new Map(events.map((e) => [e.key, e]));
    const posts = inserted.flatMap((m) => postsFor(config, m.id, byKey.get(m.key)!, options));
    if (posts.length > 0) await tx.post.createMany({ data: posts });
    return {
      milestones: inserted.length,
      posts: posts.length,
      failedPosts: posts.filter((p) => p.status === "failed").length,
    };
  });
}
