// The first 24 hours, the first week: once that long has passed since launch, one summary of it
// (users gained, the best rank reached, uptime). Launch is the configured moment, else the first
// metric sample. Pure: the caller reads the summary for the window this answers.
import type { MilestoneEvent, MilestoneRule } from "./milestone-event";

export type TimeRule = MilestoneRule<"time">;

export type LaunchSummary = {
  metric: string;
  metricName: string;
  /** What the metric gained in the window, and its value at the window's end. */
  gained: number;
  total: number | null;
  /** The best exact global rank of the service in the window, from any source. */
  bestRank: { rank: number; sourceName: string } | null;
  /** Share of checks up or degraded in the window; null without checks. */
  uptime: number | null;
};

const hour = 3_600_000;
const day = 24 * hour;

/** A span as a key names it: "24h", "7d", "90m". */
export function spanName(ms: number): string {
  if (ms % day === 0 && ms !== day) return `${ms / day}d`;
  if (ms % hour === 0) return `${ms / hour}h`;
  return `${Math.round(ms / 60_000)}m`;
}

/** The window [launch, launch + after) once it is over by `now`; null before then. */
export function launchWindow(
  rule: TimeRule,
  launchedAt: Date | null,
  now: Date,
): { from: Date; to: Date } | null {
  if (launchedAt === null) return null;
  const to = new Date(launchedAt.getTime() + rule.after);
  return to <= now ? { from: launchedAt, to } : null;
}

/** "time:first-24h", "time:first-7d". */
export const timeMilestoneKey = (rule: TimeRule) => `time:first-${spanName(rule.after)}`;

export function launchSummaryMilestone(
  rule: TimeRule,
  window: { from: Date; to: Date },
  summary: LaunchSummary,
): MilestoneEvent {
  const name = spanName(rule.after);
  return {
    key: timeMilestoneKey(rule),
    rule: "time",
    ruleKey: rule.key,
    metAt: window.to,
    value: summary.gained,
    details: {
      label: `The first ${name}: ${summary.gained.toLocaleString("en-US")} ${summary.metricName}`,
      launchedAt: window.from.toISOString(),
      periodMs: rule.after,
      metric: summary.metric,
      metricName: summary.metricName,
      total: summary.total,
      bestRank: summary.bestRank?.rank ?? null,
      bestRankSource: summary.bestRank?.sourceName ?? null,
      uptime: summary.uptime,
    },
  };
}
