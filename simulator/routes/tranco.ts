import { json, type Route } from "../http";
import { publishedAt, rankAt } from "../model/ranks";
import { hashUnit } from "../model/seeded";
import { formatDay, HOUR_MS } from "../model/time";
import { respondWithZippedList } from "./zipped-list";

const HISTORY_DAYS = 30;

const topList: Route = {
  pattern: "/tranco/top-1m.csv.zip",
  example: "/tranco/top-1m.csv.zip",
  summary: "Tranco list: zip of top-1m.csv, rank,domain, CRLF, no header",
  handle: ({ t }, context) => respondWithZippedList(context, "tranco", t, "\r\n"),
};

/** The domain's rank in each of the last 30 lists, in no particular order, as Tranco's API answers. */
const domainRanks: Route = {
  pattern: /^\/tranco\/api\/ranks\/domain\/(?<domain>[^/]+)$/,
  example: "/tranco/api/ranks/domain/stashbox.test",
  summary: "Tranco API: the domain's ranks over the last 30 days",
  handle: ({ t, params }, { scenario }) => {
    const domain = params.domain!.toLowerCase();
    const latest = +publishedAt(scenario, "tranco", t);
    const step = scenario.sources.tranco.intervalHours * HOUR_MS;
    const ranks = Array.from({ length: HISTORY_DAYS }, (_, age) => new Date(latest - age * step))
      .map((day) => ({
        date: formatDay(day),
        rank: rankAt(scenario, domain, "tranco", "global", day),
      }))
      .filter((entry): entry is { date: string; rank: number } => entry.rank !== null)
      .sort((a, b) => hashUnit(scenario.seed, a.date) - hashUnit(scenario.seed, b.date));
    return json({ domain, ranks });
  },
};

export const trancoRoutes: Route[] = [topList, domainRanks];
