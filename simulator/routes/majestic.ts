import { csv, type Route } from "../http";
import { buildRankList } from "../model/rank-list";
import { publishedAt } from "../model/ranks";
import { HOUR_MS } from "../model/time";
import { withLastModified } from "./last-modified";

const HEADER =
  "GlobalRank,TldRank,Domain,TLD,RefSubNets,RefIPs,IDN_Domain,IDN_TLD," +
  "PrevGlobalRank,PrevTldRank,PrevRefSubNets,PrevRefIPs";

interface Entry {
  rank: number;
  tldRank: number;
  subnets: number;
  ips: number;
}

function topLevelDomain(domain: string): string {
  return domain.slice(domain.lastIndexOf(".") + 1);
}

/** Majestic ranks by referring subnets, so the counts fall steadily down the list. */
function describeList(list: string[]): Map<string, Entry> {
  const perTld = new Map<string, number>();
  const entries = new Map<string, Entry>();
  list.forEach((domain, i) => {
    const tld = topLevelDomain(domain);
    const tldRank = (perTld.get(tld) ?? 0) + 1;
    perTld.set(tld, tldRank);
    const subnets = Math.round(480_000 / Math.pow(i + 1, 0.72));
    entries.set(domain, { rank: i + 1, tldRank, subnets, ips: Math.round(subnets * 1.2) });
  });
  return entries;
}

export const majesticRoutes: Route[] = [
  {
    pattern: "/majestic/majestic_million.csv",
    example: "/majestic/majestic_million.csv",
    summary: "Majestic Million CSV with its 12-column header",
    handle: ({ t }, { scenario, cache }) => {
      const published = publishedAt(scenario, "majestic", t);
      const body = cache.remember(`majestic:${+published}`, () => {
        const previousAt = new Date(+published - scenario.sources.majestic.intervalHours * HOUR_MS);
        const previous = describeList(buildRankList(scenario, "majestic", "global", previousAt));
        const current = describeList(buildRankList(scenario, "majestic", "global", published));
        const rows = [...current].map(([domain, now]) => {
          const before = previous.get(domain);
          const tld = topLevelDomain(domain);
          return [
            ...[now.rank, now.tldRank, domain, tld, now.subnets, now.ips, domain, tld],
            ...[before?.rank ?? 0, before?.tldRank ?? 0, before?.subnets ?? 0, before?.ips ?? 0],
          ].join(",");
        });
        return [HEADER, ...rows].join("\n") + "\n";
      });
      return withLastModified(csv(body, "majestic_million.csv"), published);
    },
  },
];
