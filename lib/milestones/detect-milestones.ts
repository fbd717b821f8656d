// Evaluates every configured milestone rule against what is stored (metric samples and rollups,
// outages and their checks, rank samples) and records what they find, with their posts. Rules
// are pure and keys natural, so running this again on the same data records nothing new.
import { metricNouns } from "@/lib/growth/metric-nouns";
import type { LoadedConfig } from "@/lib/config";
import type { Database } from "@/lib/database/client";
import { detectMetricMilestones } from "./metric-rules";
import type { MilestoneEvent } from "./milestone-event";
import { detectRecoveries } from "./outage-rules";
import { readMetricCrossings } from "./queries/metric-crossings";
import { readOutagesWithRecovery } from "./queries/ended-outages";
import { readLaunchSummary, readLaunchTime } from "./queries/launch-summary";
import { readPeriodIncreases } from "./queries/period-increases";
import { findRankMilestones } from "./record-rank-milestones";
import { recordMilestones, type RecordedMilestones, type RecordOptions } from "./record-milestones";
import { launchSummaryMilestone, launchWindow, timeMilestoneKey } from "./time-rules";
import { detectVelocityRecords } from "./velocity-rules";

type Rule = LoadedConfig["milestones"][number];

/** The metrics declared, by key: their kind and what a post calls them ("users"). */
function declaredMetrics(config: LoadedConfig) {
  const all = [...config.sources.metrics, ...config.sources.push.flatMap((p) => p.metrics)];
  return all.map((m) => ({
    key: m.metric,
    type: m.type,
    name: metricNouns(m.metric, m.name).total,
  }));
}

async function evaluate(
  db: Database,
  config: LoadedConfig,
  rule: Rule,
  context: { now: Date; launchedAt: Date | null; recorded: ReadonlySet<string> },
): Promise<MilestoneEvent[]> {
  const metrics = declaredMetrics(config);
  const nameOf = (key: string) => metrics.find((m) => m.key === key)?.name ?? key;
  switch (rule.kind) {
    case "metric": {
      const { thresholds, samples } = await readMetricCrossings(
        db,
        rule,
        context.recorded,
        context.now,
      );
      return detectMetricMilestones({ ...rule, thresholds }, samples, {
        metricName: nameOf(rule.metric),
        launchedAt: context.launchedAt,
      });
    }
    case "velocity": {
      const periods = await readPeriodIncreases(db, rule.metric, rule.period, config.timezone);
      return detectVelocityRecords(rule, periods, {
        now: context.now,
        timeZone: config.timezone,
        metricName: nameOf(rule.metric),
      });
    }
    case "outage-resolved":
      return detectRecoveries(rule, await readOutagesWithRecovery(db, rule.stableFor), context.now);
    case "time": {
      const window = launchWindow(rule, context.launchedAt, context.now);
      const metric = rule.metric ?? metrics.find((m) => m.type === "counter")?.key;
      if (!window || metric === undefined) return [];
      if (context.recorded.has(timeMilestoneKey(rule))) return [];
      const summary = await readLaunchSummary(
        db,
        config,
        { key: metric, name: nameOf(metric) },
        window,
      );
      return [launchSummaryMilestone(rule, window, summary)];
    }
    case "rank":
    case "best-rank":
    case "country-first":
      return [];
  }
}

/** Records every milestone newly met, with one post per channel; answers the counts. */
export async function detectAndRecordMilestones(
  db: Database,
  config: LoadedConfig,
  options: RecordOptions,
): Promise<RecordedMilestones> {
  const recorded = new Set(
    (await db.milestone.findMany({ select: { key: true } })).map((m) => m.key),
  );
  const launchedAt = await readLaunchTime(db, config);
  const context = { now: options.now, launchedAt, recorded };
  const events = [...(await findRankMilestones(db, config))];
  for (const rule of config.milestones) events.push(...(await evaluate(db, config, rule, context)));
  return recordMilestones(
    db,
    config,
    events.filter((e) => !recorded.has(e.key)),
    options,
  );
}
