// Which rank milestones a service's samples meet: entered the top N, a new best rank, #1 in a
// country. Pure: the same samples always give the same milestones, each dated by the reading that
// first met it (a list's day, an API reading's own time), so re-reading history never finds a
// second one.
import type { Config } from "@/lib/config";
import { countryName } from "@/lib/rank/country-name";
import type { MilestoneEvent, MilestoneRule } from "./milestone-event";

export type { MilestoneEvent } from "./milestone-event";

export type RankRule = MilestoneRule<"rank" | "best-rank" | "country-first">;

/** One stored sample of the service, as the rules read it. */
export type ServiceRankSample = {
  source: string;
  scope: string;
  at: Date;
  kind: "exact" | "bucket" | "unranked";
  rank: number | null;
  bucketMin: number | null;
  bucketMax: number | null;
};

export function isRankRule(rule: Config["milestones"][number]): rule is RankRule {
  return rule.kind === "rank" || rule.kind === "best-rank" || rule.kind === "country-first";
}

/** The worst rank a sample can stand for: an exact rank, or a closed bucket's end. */
function worstRank(sample: ServiceRankSample): number | null {
  if (sample.kind === "exact") return sample.rank;
  if (sample.kind === "bucket") return sample.bucketMax;
  return null;
}

function where(scope: string): string {
  return scope === "global" ? "worldwide" : `in ${countryName(scope)}`;
}

function enteredTop(
  rule: Extract<RankRule, { kind: "rank" }>,
  samples: ServiceRankSample[],
  sourceName: string,
) {
  const series = samples.filter((s) => s.source === rule.source && s.scope === rule.scope);
  return [...new Set(rule.atMost)].flatMap((threshold): MilestoneEvent[] => {
    const index = series.findIndex((s) => (worstRank(s) ?? Infinity) <= threshold);
    if (index === -1) return [];
    const sample = series[index]!;
    const value = worstRank(sample)!;
    return [
      {
        key: `${rule.key}:${rule.source}:${rule.scope}:top-${threshold}`,
        rule: "rank",
        ruleKey: rule.key,
        metAt: sample.at,
        value,
        details: {
          label: `Top ${threshold.toLocaleString("en-US")} ${where(rule.scope)} (${sourceName})`,
          source: rule.source,
          sourceName,
          scope: rule.scope,
          threshold,
          exact: sample.kind === "exact",
          // A bucket stays a bucket ("top 200", never "#200") wherever the milestone is told.
          bucketMin: sample.kind === "bucket" ? sample.bucketMin : null,
          bucketMax: sample.kind === "bucket" ? sample.bucketMax : null,
          // Met by the first reading the series ever had: the entry itself happened before
          // tracking began, so it is no news.
          alreadyMetWhenFirstSeen: index === 0,
        },
      },
    ];
  });
}

function newBests(
  rule: Extract<RankRule, { kind: "best-rank" }>,
  samples: ServiceRankSample[],
  sourceName: string,
) {
  const events: MilestoneEvent[] = [];
  let best: number | null = null;
  for (const sample of samples) {
    if (sample.source !== rule.source || sample.scope !== "global" || sample.kind !== "exact")
      continue;
    const rank = sample.rank!;
    const counts = rule.atMost === undefined || rank <= rule.atMost;
    if (best !== null && rank < best && counts) {
      events.push({
        key: `${rule.key}:${rule.source}:${rank}`,
        rule: "best-rank",
        ruleKey: rule.key,
        metAt: sample.at,
        value: rank,
        details: {
          label: `New best: #${rank.toLocaleString("en-US")} worldwide (${sourceName})`,
          source: rule.source,
          sourceName,
          scope: "global",
          previousBest: best,
        },
      });
    }
    if (best === null || rank < best) best = rank;
  }
  return events;
}

function countryFirsts(
  rule: Extract<RankRule, { kind: "country-first" }>,
  samples: ServiceRankSample[],
  sourceName: string,
) {
  const seen = new Set<string>();
  const events: MilestoneEvent[] = [];
  for (const sample of samples) {
    if (sample.source !== rule.source || sample.scope === "global" || seen.has(sample.scope))
      continue;
    if (rule.countries && !rule.countries.includes(sample.scope)) continue;
    if (sample.kind !== "exact" || sample.rank !== 1) continue;
    seen.add(sample.scope);
    events.push({
      key: `${rule.key}:${rule.source}:${sample.scope}`,
      rule: "country-first",
      ruleKey: rule.key,
      metAt: sample.at,
      value: 1,
      details: {
        label: `#1 in ${countryName(sample.scope)} (${sourceName})`,
        source: rule.source,
        sourceName,
        scope: sample.scope,
      },
    });
  }
  return events;
}

/**
 * Every milestone `rules` find in `samples` (the service's, any order). `sourceNames` labels
 * sources by their configured names.
 */
export function detectRankMilestones(
  rules: readonly RankRule[],
  samples: readonly ServiceRankSample[],
  sourceNames: ReadonlyMap<string, string> = new Map(),
): MilestoneEvent[] {
  const ordered = [...samples].sort((a, b) => a.at.getTime() - b.at.getTime());
  const events = rules.flatMap((rule) => {
    const name = sourceNames.get(rule.source) ?? rule.source;
    switch (rule.kind) {
      case "rank":
        return enteredTop(rule, ordered, name);
      case "best-rank":
        return newBests(rule, ordered, name);
      case "country-first":
        return countryFirsts(rule, ordered, name);
    }
  });
  return onePerReading(events);
}

/**
 * One milestone per reading: a reading that enters several tops at once, or is also a new best,
 * says one thing ("now #186 worldwide"), so it is told once, as the tightest top it entered
 * (else as the new best).
 */
function onePerReading(events: MilestoneEvent[]): MilestoneEvent[] {
  const told = new Map<string, MilestoneEvent>();
  const tightness = (event: MilestoneEvent) =>
    event.rule === "rank" ? Number(event.details.threshold) : Infinity;
  for (const event of events) {
    if (event.rule !== "rank" && event.rule !== "best-rank") continue;
    const reading = `${event.details.source}|${event.details.scope}|${event.metAt.getTime()}|${event.value}`;
    const other = told.get(reading);
    if (!other || tightness(event) < tightness(other)) told.set(reading, event);
  }
  const kept = new Set(told.values());
  return events.filter((e) => (e.rule !== "rank" && e.rule !== "best-rank") || kept.has(e));
}
