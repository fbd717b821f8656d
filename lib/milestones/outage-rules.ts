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

/** Outages whose windows overlap, together: one trouble seen by several monitors. */
function overlapping(outages: readonly EndedOutage[]): EndedOutage[][] {
  const sorted = [...outages].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
  const groups: EndedOutage[][] = [];
  let reach = -Infinity;
  for (const outage of sorted) {
    const end = outage.endedAt?.getTime() ?? Infinity;
    if (outage.startedAt.getTime() <= reach) {
      groups.at(-1)!.push(outage);
      reach = Math.max(reach, end);
    } else {
      groups.push([outage]);
      reach = end;
    }
  }
  return groups;
}

/** "Website", "Website and API", "Website, API and Uploads". */
function listed(labels: string[]): string {
  return labels.length < 2
    ? (labels[0] ?? "")
    : `${labels.slice(0, -1).join(", ")} and ${labels.at(-1)}`;
}

/**
 * Outages over and followed by a stable stretch by `now`. Outages that overlap (one trouble seen
 * by several monitors) make one recovery, keyed by the first of them, naming every component.
 */
export function detectRecoveries(
  rule: OutageRule,
  outages: readonly EndedOutage[],
  now: Date,
): MilestoneEvent[] {
  const down = outages.filter((o) => o.severity !== "degraded");
  return overlapping(down).flatMap((group): MilestoneEvent[] => {
    if (group.some((o) => o.endedAt === null)) return [];
    const first = group[0]!;
    const endedAt = new Date(Math.max(...group.map((o) => o.endedAt!.getTime())));
    const lastedMs = endedAt.getTime() - first.startedAt.getTime();
    const stableUntil = endedAt.getTime() + rule.stableFor;
    if (lastedMs < rule.minDuration || stableUntil > now.getTime()) return [];
    const monitors = new Set(group.map((o) => o.monitorId));
    const interrupted = down.some(
      (next) =>
        monitors.has(next.monitorId) &&
        next.startedAt >= endedAt &&
        next.startedAt.getTime() < stableUntil,
    );
    if (interrupted) return [];
    const component = listed([...new Set(group.map((o) => o.label))]);
    const rates = group.flatMap((o) => (o.successRate === null ? [] : [o.successRate]));
    return [
      {
        key: `recovered:${first.id}`,
        rule: "outage-resolved",
        ruleKey: rule.key,
        metAt: endedAt,
        value: Math.round(lastedMs / 60_000),
        details: {
          label: `${component} running stable again`,
          component,
          outageId: first.id,
          durationMs: lastedMs,
          // The worst of the group's: the stretch was as stable as its least stable part.
          successRate: rates.length > 0 ? Math.min(...rates) : null,
          stableForMs: rule.stableFor,
        },
      },
    ];
  });
}
