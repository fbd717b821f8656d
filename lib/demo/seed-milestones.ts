// The milestones of the week, found when they were met: the rules (detectAndRecordMilestones)
// run once over the seeded data, then each milestone and its posts are dated at the first rule
// run after it was met (rules run after every ingest) instead of now, so none is "found more than
// 48 hours later". Channels without credentials post in dry run, as they would have; each post
// then gets the moment its channel's turn in send-posts would have given it (claimChannelPosts:
// quiet hours and the daily cap included).
import type { LoadedConfig } from "@/lib/config";
import type { Database } from "@/lib/database/client";
import { channelMode, postStatusByMode } from "@/lib/milestones/channel-mode";
import { detectAndRecordMilestones } from "@/lib/milestones/detect-milestones";
import { claimChannelPosts } from "@/lib/social/claim-posts";

/** The first of the sorted `ticks` at or after `at` (the last one when none is). */
export function tickAfter(ticks: readonly Date[], at: Date): Date {
  let lo = 0;
  let hi = ticks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ticks[mid]!.getTime() < at.getTime()) lo = mid + 1;
    else hi = mid;
  }
  return ticks[lo] ?? at;
}

export type SeededMilestones = { milestones: number; posts: number };

export async function seedMilestones(
  db: Database,
  config: LoadedConfig,
  ruleTicks: readonly Date[],
  postTicks: readonly Date[],
  now: Date,
): Promise<SeededMilestones> {
  const env = {};
  const recorded = await detectAndRecordMilestones(db, config, { now, env });
  const milestones = await db.milestone.findMany({ select: { id: true, metAt: true } });
  for (const milestone of milestones) {
    const found = tickAfter(ruleTicks, milestone.metAt);
    await db.milestone.update({ where: { id: milestone.id }, data: { createdAt: found } });
    for (const channel of config.channels) {
      await db.post.updateMany({
        where: { milestoneId: milestone.id, channel: channel.key, status: "cancelled" },
        data: { status: postStatusByMode[channelMode(channel, env)], error: null },
      });
      await db.post.updateMany({
        where: { milestoneId: milestone.id, channel: channel.key },
        data: { createdAt: found, updatedAt: found, nextAttemptAt: found },
      });
    }
  }
  await sendDryRuns(db, config, postTicks, now);
  return recorded;
}

/** Gives each dry-run post its moment: send-posts' runs, one at each tick a post is due. */
async function sendDryRuns(
  db: Database,
  config: LoadedConfig,
  ticks: readonly Date[],
  now: Date,
): Promise<void> {
  // Each turn dates at least one post or moves it past now; the bound only guards the loop.
  for (let turn = 0; turn < 10_000; turn++) {
    const next = await db.post.findFirst({
      where: { status: "dry_run", sentAt: null, nextAttemptAt: { lte: now } },
      orderBy: { nextAttemptAt: "asc" },
      select: { nextAttemptAt: true },
    });
    if (!next) return;
    const tick = tickAfter(ticks, next.nextAttemptAt);
    if (tick.getTime() < next.nextAttemptAt.getTime()) return;
    for (const channel of config.channels) {
      await claimChannelPosts(db, channel, {
        now: tick,
        timeZone: config.timezone,
        canSend: false,
      });
    }
  }
}
