// What a full list says about each tracked domain: its rank where the list has it, unranked
// where it does not (a full list that leaves a site out ranks it nowhere; never rank 0).
import type { RankReading, RankValue } from "@/lib/rank/rank-types";

export function listReadings(
  domains: string[],
  found: ReadonlyMap<string, RankValue>,
  at: Date,
): RankReading[] {
  return domains.map((domain) => ({
    domain,
    scope: "global",
    at,
    value: found.get(domain) ?? { kind: "unranked" },
  }));
}

/** "3 of 4 tracked domains listed" for the job's log. */
export function describeListed(domains: string[], found: ReadonlyMap<string, unknown>): string {
  const listed = domains.filter((domain) => found.has(domain)).length;
  return `${listed} of ${domains.length} tracked domains listed`;
}
