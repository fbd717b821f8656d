import type { RankSource, Scenario } from "../scenario";
import { interpolateLog } from "./curve";
import { hashUnit } from "./seeded";
import { HOUR_MS, hoursSinceLaunch } from "./time";

interface Candidate {
  domain: string;
  rank: number;
  priority: number;
}

/** Lists are published once per interval (aligned to UTC midnight for daily ones). */
export function publishedAt(scenario: Scenario, source: RankSource, t: Date): Date {
  const interval = scenario.sources[source].intervalHours * HOUR_MS;
  return new Date(Math.floor(t.getTime() / interval) * interval);
}

/** The scopes ("global", "NZ", ...) a source ranks the service in. */
export function scopesOf(scenario: Scenario, source: RankSource): string[] {
  return Object.keys(scenario.sources[source].ranks);
}

function candidatesFor(
  scenario: Scenario,
  source: RankSource,
  scope: string,
  published: Date,
): Candidate[] {
  const config = scenario.sources[source];
  const points = config.ranks[scope];
  if (!points) return [];
  const domain = scenario.service.domain;
  const apex = Math.round(interpolateLog(points, hoursSinceLaunch(scenario, published)));
  const candidates: Candidate[] = [{ domain, rank: apex, priority: 0 }];
  if (source === "umbrella" && scope === "global") {
    for (const [label, factor] of Object.entries(scenario.sources.umbrella.subdomains)) {
      candidates.push({
        domain: `${label}.${domain}`,
        rank: Math.round(apex * factor),
        priority: 1,
      });
    }
  }
  for (const competitor of scenario.competitors) {
    const base = competitor.ranks[scope];
    if (base === undefined) continue;
    // Established sites drift a few percent from one list to the next.
    const wobble =
      0.97 + 0.06 * hashUnit(scenario.seed, source, scope, competitor.domain, +published);
    const rank = Math.max(1, Math.round(base * config.competitorScale * wobble));
    candidates.push({ domain: competitor.domain, rank, priority: 2 });
  }
  return candidates;
}

/**
 * Ranks of the service (and its subdomains) and competitors in one published list. Two sites
 * cannot share a rank: the later one (service first) moves down. Past the source's reach: absent.
 */
export function pinnedRanks(
  scenario: Scenario,
  source: RankSource,
  scope: string,
  t: Date,
): Map<string, number> {
  const published = publishedAt(scenario, source, t);
  const candidates = candidatesFor(scenario, source, scope, published).sort(
    (a, b) => a.rank - b.rank || a.priority - b.priority,
  );
  const ranks = new Map<string, number>();
  let previous = 0;
  for (const candidate of candidates) {
    previous = Math.max(candidate.rank, previous + 1);
    if (previous <= scenario.sources[source].maxRank) ranks.set(candidate.domain, previous);
  }
  return ranks;
}

/** A tracked domain's rank from one source in one scope at t, or null when it is unranked. */
export function rankAt(
  scenario: Scenario,
  domain: string,
  source: RankSource,
  scope: string,
  t: Date,
): number | null {
  return pinnedRanks(scenario, source, scope, t).get(domain.toLowerCase()) ?? null;
}
