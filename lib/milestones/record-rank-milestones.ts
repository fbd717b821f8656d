// Evaluates the configured rank milestone rules against everything stored for the service and
// records what they find, with their posts, through recordMilestones. A milestone's key is unique,
// so one already recorded is never recorded again, nor moved: it keeps the moment it was first
// recorded with.
import type { LoadedConfig } from "@/lib/config";
import type { Database } from "@/lib/database/client";
import type { MilestoneEvent } from "./milestone-event";
import { detectRankMilestones, isRankRule, type ServiceRankSample } from "./rank-rules";
import { recordMilestones, type RecordOptions } from "./record-milestones";

/** The rank milestones the stored samples of the service meet. */
export async function findRankMilestones(
  db: Database,
  config: LoadedConfig,
): Promise<MilestoneEvent[]> {
  const rules = config.milestones.filter(isRankRule);
  if (rules.length === 0) return [];
  const sources = [...new Set(rules.map((rule) => rule.source))];
  const rows = await db.rankSample.findMany({
    where: { site: { domain: config.service.domain }, source: { in: sources } },
    select: {
      source: true,
      scope: true,
      at: true,
      kind: true,
      rank: true,
      bucketMin: true,
      bucketMax: true,
    },
    orderBy: { at: "asc" },
  });
  const names = new Map(config.sources.ranks.map((s) => [s.key, s.name ?? s.key]));
  return detectRankMilestones(rules, rows satisfies ServiceRankSample[], names);
}

/** Records new rank milestones and their posts; answers how many milestones were new. */
export async function recordRankMilestones(
  db: Database,
  config: LoadedConfig,
  options: RecordOptions = { now: new Date() },
): Promise<number> {
  const events = await findRankMilestones(db, config);
  return (await recordMilestones(db, config, events, options)).milestones;
}
