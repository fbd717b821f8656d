// The Growth page's numbers for one metric and range: total and its 24 h change, day-over-day and
// week-over-week growth, the range against the one before it, the ETA to the next milestone, and
// what each outage in the range cost in signups (a slowdown only what it held back).
import type { LoadedConfig } from "@/lib/config";
import type { Database } from "@/lib/database/client";
import { NotFoundError } from "@/lib/errors";
import { estimateEta, nextThreshold } from "./eta";
import { getOutagesBetween } from "@/lib/uptime/outages-between";
import type { GrowthSummary, OutageCostView } from "./growth-types";
import { estimateOutageCost, rateWindowMs, type SampleIncrease } from "./missed-signups";

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

type Range = { metric: string; from: Date; to: Date; timeZone: string };

/** Sum of reset-aware increases of the samples in [from, to). */
async function increaseBetween(
  db: Database,
  metricId: number,
  from: Date,
  to: Date,
): Promise<number> {
  const [row] = await db.$queryRaw<{ increase: number }[]>`
    SELECT coalesce(sum(increase), 0)::float8 AS increase FROM metric_sample
    WHERE metric_id = ${metricId} AND at >= ${from} AND at < ${to}`;
  return row?.increase ?? 0;
}

/** The samples around [from, to]: one before and one after, for interpolation at the edges. */
async function samplesAround(
  db: Database,
  metricId: number,
  from: Date,
  to: Date,
): Promise<SampleIncrease[]> {
  return db.$queryRaw<SampleIncrease[]>`
    (SELECT at, increase FROM metric_sample WHERE metric_id = ${metricId} AND at < ${from} ORDER BY at DESC LIMIT 1)
    UNION ALL
    (SELECT at, increase FROM metric_sample WHERE metric_id = ${metricId} AND at BETWEEN ${from} AND ${to})
    UNION ALL
    (SELECT at, increase FROM metric_sample WHERE metric_id = ${metricId} AND at > ${to} ORDER BY at LIMIT 1)
    ORDER BY at`;
}

/** Growth of one window's increase over the window before it: 0.25 is +25 %. */
function growth(current: number, previous: number): number | null {
  return previous > 0 ? current / previous - 1 : null;
}

/** Whether the metric has samples as old as `since` (so a comparison is fair). */
async function hasHistory(db: Database, metricId: number, since: Date): Promise<boolean> {
  const [row] = await db.$queryRaw<{ ok: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM metric_sample WHERE metric_id = ${metricId} AND at <= ${since}) AS ok`;
  return row?.ok ?? false;
}

export async function getGrowthSummary(
  db: Database,
  config: LoadedConfig,
  range: Range,
): Promise<GrowthSummary> {
  const [metric] = await db.$queryRaw<
    { id: number; name: string }[]
  >`SELECT id, name FROM metric WHERE key = ${range.metric}`;
  if (!metric) throw new NotFoundError(`No metric "${range.metric}"`);
  const { from, to } = range;
  const [latest] = await db.$queryRaw<{ value: number; at: Date }[]>`
    SELECT value, at FROM metric_sample WHERE metric_id = ${metric.id} AND at < ${to} ORDER BY at DESC LIMIT 1`;

  const end = latest ? new Date(latest.at.getTime() + 1) : to;
  const window = async (length: number, back: number) =>
    increaseBetween(
      db,
      metric.id,
      new Date(end.getTime() - back - length),
      new Date(end.getTime() - back),
    );
  const fair = (length: number) => hasHistory(db, metric.id, new Date(end.getTime() - 2 * length));
  const [day, dayBefore, week, weekBefore, dayFair, weekFair] = await Promise.all([
    window(dayMs, 0),
    window(dayMs, dayMs),
    window(7 * dayMs, 0),
    window(7 * dayMs, 7 * dayMs),
    fair(dayMs),
    fair(7 * dayMs),
  ]);

  const span = to.getTime() - from.getTime();
  const [increase, previousIncrease, previousFair] = await Promise.all([
    increaseBetween(db, metric.id, from, to),
    increaseBetween(db, metric.id, new Date(from.getTime() - span), from),
    hasHistory(db, metric.id, new Date(from.getTime() - span)),
  ]);

  const rule = config.milestones.find((m) => m.kind === "metric" && m.metric === range.metric);
  const thresholds = rule?.kind === "metric" ? rule.thresholds : "powers-of-ten";
  const target = latest ? nextThreshold(latest.value, thresholds) : null;
  const hours = await db.$queryRaw<{ increase: number }[]>`
    SELECT increase FROM metric_rollup
    WHERE metric_id = ${metric.id} AND bucket = 'hour' AND start >= ${new Date(end.getTime() - dayMs)} AND start < ${end}
    ORDER BY start`;
  const eta =
    latest && target
      ? estimateEta(
          latest.value,
          target,
          hours.map((h) => h.increase),
          latest.at,
        )
      : null;

  const outages = await getOutagesBetween(db, from, to);
  const outageViews = await Promise.all(
    outages.map(async (o): Promise<OutageCostView> => {
      const until = o.endedAt ?? to;
      const samples = await samplesAround(
        db,
        metric.id,
        new Date(o.startedAt.getTime() - rateWindowMs),
        until,
      );
      const cost = estimateOutageCost(samples, o.startedAt, until);
      return {
        from: o.startedAt.toISOString(),
        to: o.endedAt?.toISOString() ?? null,
        label: o.label,
        severity: o.severity,
        kind: o.severity === "degraded" ? "slowdown" : "outage",
        expectedSignups: cost?.expected ?? null,
        arrivedSignups: cost?.arrived ?? null,
        missedSignups: cost?.missed ?? null,
      };
    }),
  );

  const milestones = await db.$queryRaw<
    { met_at: Date; rule: string; value: number; label: string | null; metric: string | null }[]
  >`
    SELECT met_at, rule, value, details->>'label' AS label, details->>'metric' AS metric
    FROM milestone WHERE met_at >= ${from} AND met_at < ${to} ORDER BY met_at`;

  return {
    metric: range.metric,
    name: metric.name,
    timeZone: range.timeZone,
    from: from.toISOString(),
    to: to.toISOString(),
    total: latest ? { value: latest.value, at: latest.at.toISOString() } : null,
    change24h: dayFair ? day : null,
    rates: {
      dayOverDay: dayFair ? growth(day, dayBefore) : null,
      weekOverWeek: weekFair ? growth(week, weekBefore) : null,
    },
    period: {
      increase,
      previousIncrease: previousFair ? previousIncrease : null,
      change: previousFair ? growth(increase, previousIncrease) : null,
    },
    eta: eta
      ? {
          ...eta,
          at: eta.at.toISOString(),
          low: eta.low.toISOString(),
          high: eta.high.toISOString(),
        }
      : null,
    outages: outageViews,
    milestones: milestones.map((m) => ({
      at: m.met_at.toISOString(),
      // What the rule recorded it as ("1,000,000 users", "Top 150 worldwide"), else its kind.
      label: m.label ?? `${m.rule}: ${m.value.toLocaleString("en-US")}`,
      metric: m.metric,
    })),
  };
}
