// When a metric crossed each of its thresholds. The moment is interpolated between the two
// samples that straddle a threshold when that is honest (they are at most an hour apart, so the
// growth between them was steady enough); otherwise it is the first sample at or over it. A
// threshold the very first sample already met was crossed before tracking began, at a moment
// nobody knows, so it is not a milestone. Pure.
import { nextThreshold } from "@/lib/growth/eta";
import type { MilestoneEvent, MilestoneRule } from "./milestone-event";

export type MetricRule = MilestoneRule<"metric">;
export type MetricPoint = { at: Date; value: number };

/** Samples further apart than this are not interpolated between. */
export const maxInterpolationGapMs = 3_600_000;

/** The thresholds above `first` and at or under `max`, in order. */
export function thresholdsBetween(
  thresholds: MetricRule["thresholds"],
  first: number,
  max: number,
): number[] {
  const found: number[] = [];
  for (let t = nextThreshold(first, thresholds); t !== null && t <= max;) {
    found.push(t);
    t = nextThreshold(t, thresholds);
  }
  return found;
}

function crossing(before: MetricPoint, after: MetricPoint, threshold: number) {
  const gap = after.at.getTime() - before.at.getTime();
  if (gap > maxInterpolationGapMs || after.value <= before.value) {
    return { at: after.at, interpolated: false };
  }
  const share = (threshold - before.value) / (after.value - before.value);
  return { at: new Date(before.at.getTime() + Math.round(gap * share)), interpolated: true };
}

/**
 * Every threshold `samples` (any order) crossed. `launchedAt` dates the `elapsed` in the post;
 * `metricName` names what is counted ("users").
 */
export function detectMetricMilestones(
  rule: MetricRule,
  samples: readonly MetricPoint[],
  context: { metricName: string; launchedAt: Date | null },
): MilestoneEvent[] {
  const ordered = [...samples].sort((a, b) => a.at.getTime() - b.at.getTime());
  if (ordered.length < 2) return [];
  const max = Math.max(...ordered.map((s) => s.value));
  return thresholdsBetween(rule.thresholds, ordered[0]!.value, max).map((threshold) => {
    const index = ordered.findIndex((s) => s.value >= threshold);
    const { at, interpolated } = crossing(ordered[index - 1]!, ordered[index]!, threshold);
    const launchedAt = context.launchedAt;
    return {
      key: `metric:${rule.key}:${threshold}`,
      rule: "metric",
      ruleKey: rule.key,
      metAt: at,
      value: threshold,
      details: {
        label: `${threshold.toLocaleString("en-US")} ${context.metricName}`,
        metric: rule.metric,
        metricName: context.metricName,
        interpolated,
        elapsedMs: launchedAt && launchedAt <= at ? at.getTime() - launchedAt.getTime() : null,
      },
    };
  });
}
