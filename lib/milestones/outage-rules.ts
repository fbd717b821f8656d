// "Running stable again": one milestone per outage that lasted at least minDuration, once the
// service has then run for stableFor without another outage of the same monitor. Its value is the
// outage's length in minutes; the success rate of the checks in that stable stretch goes with it
// when checks for it are known. Degraded windows (slow, not down) are not outages here. Pure.
import type { MilestoneEvent, MilestoneRule } from "./milestone-event";

export type OutageRule = MilestoneRule<"outage-resolved">;

export type EndedOutage = {
  id: number;
  monitorId: number;
  startedAt: Date;
  endedAt: Date | null;
  severity: "degraded" | "partial" | "major";
  /** The component's name, else the monitor's. */
  label: string;
  /** Share of checks up or degraded in [endedAt, endedAt + stableFor); null when none are known. */
  successRate: number | null;
};

/** Outages over and followed by a stable stretch by `now`. */
export function detectRecoveries(
  rule: OutageRule,
  outages: readonly EndedOutage[],
  now: Date,
): MilestoneEvent[] {
  const down = outages.filter((o) => o.severity !== "degraded");
  return down.flatMap((o): MilestoneEvent[] => {
    if (o.endedAt === null) return [];
    const lastedMs = o.endedAt.getTime() - o.startedAt.getTime();
    const stableUntil = o.endedAt.getTime() + rule.stableFor;
    if (lastedMs < rule.minDuration || stableUntil > now.getTime()) return [];
    const interrupted = down.some(
      (next) =>
        next.monitorId === o.monitorId &&
        next.startedAt >= o.endedAt! &&
        next.startedAt.getTime() < stableUntil,
    );
    if (interrupted) return [];
    return [
      {
        key: `recovered:${o.id}`,
        rule: "outage-resolved",
        ruleKey: rule.key,
        metAt: o.endedAt,
        value: Math.round(lastedMs / 60_000),
        details: {
          label: `${o.label} running stable again`,
          component: o.label,
          outageId: o.id,
          durationMs: lastedMs,
          successRate: o.successRate,
          stableForMs: rule.stableFor,
        },
      },
    ];
  });
}
