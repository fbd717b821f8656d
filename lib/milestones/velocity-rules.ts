// Record days and hours: a completed period whose increase beats every earlier completed one.
// The first few periods are not records (every first day "beats" nothing), so a record needs at
// least `minEarlierPeriods` before it. Periods are named in the configured time zone. Pure.
import type { MilestoneEvent, MilestoneRule } from "./milestone-event";

export type VelocityRule = MilestoneRule<"velocity">;

/** One period's increase: [start, end). */
export type PeriodIncrease = { start: Date; end: Date; increase: number };

/** Completed periods needed before one can be a record. */
export const minEarlierPeriods = 3;

function localParts(at: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return { date: `${part("year")}-${part("month")}-${part("day")}`, hour: part("hour") };
}

/** The key's name of a period: "2026-11-03" for a day, "2026-11-03T14" for an hour. */
export function periodName(start: Date, period: VelocityRule["period"], timeZone: string): string {
  const { date, hour } = localParts(start, timeZone);
  return period === "day" ? date : `${date}T${hour}`;
}

/** How a post says the period: "Nov 3" or "Nov 3, 14:00". */
function periodText(start: Date, period: VelocityRule["period"], timeZone: string): string {
  const day = new Intl.DateTimeFormat("en-US", { timeZone, month: "short", day: "numeric" });
  if (period === "day") return day.format(start);
  return `${day.format(start)}, ${localParts(start, timeZone).hour}:00`;
}

/** Every record among `periods` (any order) that ended by `now`. */
export function detectVelocityRecords(
  rule: VelocityRule,
  periods: readonly PeriodIncrease[],
  context: { now: Date; timeZone: string; metricName: string },
): MilestoneEvent[] {
  const completed = periods
    .filter((p) => p.end <= context.now)
    .sort((a, b) => a.start.getTime() - b.start.getTime());
  const events: MilestoneEvent[] = [];
  let best = -Infinity;
  completed.forEach((p, index) => {
    if (index >= minEarlierPeriods && p.increase > best) {
      const name = periodName(p.start, rule.period, context.timeZone);
      events.push({
        key: `record-${rule.period}:${rule.key}:${name}`,
        rule: "velocity",
        ruleKey: rule.key,
        metAt: p.end,
        value: p.increase,
        details: {
          label: `Record ${rule.period}: ${p.increase.toLocaleString("en-US")} ${context.metricName}`,
          metric: rule.metric,
          metricName: context.metricName,
          period: rule.period,
          periodStart: p.start.toISOString(),
          periodText: periodText(p.start, rule.period, context.timeZone),
          previousRecord: best,
        },
      });
    }
    best = Math.max(best, p.increase);
  });
  return events;
}
