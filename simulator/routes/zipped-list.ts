import { strToU8, zipSync } from "fflate";
import { respond, type SimContext, type SimResponse } from "../http";
import { buildRankList } from "../model/rank-list";
import { publishedAt } from "../model/ranks";
import type { RankSource } from "../scenario";
import { withLastModified } from "./last-modified";

/** `top-1m.csv` (rank,domain, no header) zipped, built once per published list, with its date. */
export function respondWithZippedList(
  { scenario, cache }: SimContext,
  source: RankSource,
  t: Date,
  lineEnding: "\n" | "\r\n",
): SimResponse {
  const published = publishedAt(scenario, source, t);
  const zip = cache.remember(`${source}:${+published}`, () => {
    const list = buildRankList(scenario, source, "global", published);
    const body = list.map((domain, i) => `${i + 1},${domain}${lineEnding}`).join("");
    return zipSync({ "top-1m.csv": strToU8(body) }, { level: 6 });
  });
  const answer = respond(200, "application/zip", zip, {
    "content-disposition": 'attachment; filename="top-1m.csv.zip"',
  });
  return withLastModified(answer, published);
}
