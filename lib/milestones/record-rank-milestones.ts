// Evaluates the configured rank milestone rules against everything stored for the service and
// records what they find. A milestone's key is unique, so one already recorded is never recorded
// again, nor moved: it keeps the moment it was first recorded with.
import type { LoadedConfig } from "@/lib/config";
import type { Database } from "@/lib/database/client";
import { detectRankMilestones, isRankRule, type ServiceRankSample } from "./rank-rules";

/** Records new rank milestones; answers how many were new. */
export async function recordRankMilestones(db: Database, config: LoadedConfig): Promise<number> {
  const rules = config.milestones.filter(isRankRule);
  if (rules.length === 0) return 0;
  const sources = [...new Set(rules.map((rule) => rule.source))];
  const service = await db.site.findUnique({ where: { domain: config.service.domain } });
  if (!service) return 0;
  const rows = await db.rankSample.findMany({
    where: { siteId: service.id, source: { in: sources } },
    select: { source: true, scope: true, at: true, kind: true, rank: true, bucketMax: true },
    orderBy: { at: "asc" },
  });
  const names = new Map(config.sources.ranks.map((s) => [s.key, s.name ?? s.key]));
  const events = detectRankMilestones(rules, rows satisfies ServiceRankSample[], names);
  if (events.length === 0) return 0;
  const created = await db.milestone.createMany({
    data: events.map((event) => ({
      key: event.key,
      rule: event.rule,
      metAt: event.metAt,
      value: event.value,
      siteId: service.id,
      details: event.details,
    })),
    skipDuplicates: true,
  });
  return created.count;
}
