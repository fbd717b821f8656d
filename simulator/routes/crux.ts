import { csv, type Route } from "../http";
import { cruxBucket } from "../model/buckets";
import { buildRankList } from "../model/rank-list";
import { publishedAt } from "../model/ranks";
import { withLastModified } from "./last-modified";

export const cruxRoutes: Route[] = [
  {
    pattern: "/crux/current.csv",
    example: "/crux/current.csv",
    summary: "CrUX top list: origin,rank where rank is a magnitude (1000, 5000, ...)",
    handle: ({ t }, { scenario, cache }) => {
      const published = publishedAt(scenario, "crux", t);
      const body = cache.remember(`crux:${+published}`, () => {
        const list = buildRankList(scenario, "crux", "global", published);
        const rows = list.map((domain, i) => `https://${domain},${cruxBucket(i + 1)}`);
        return ["origin,rank", ...rows].join("\n") + "\n";
      });
      return withLastModified(csv(body, "current.csv"), published);
    },
  },
];
