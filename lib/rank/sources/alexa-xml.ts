// data.alexa.com's XML answer: <ALEXA><SD><POPULARITY TEXT="141"/>...<COUNTRY CODE="NZ"
// RANK="1"/></SD></ALEXA>. POPULARITY's TEXT is the global rank; a site Alexa does not rank has
// no POPULARITY (and no SD holding one). An answer without the ALEXA element is no answer.
import { load } from "cheerio";
import { SourceError } from "@/lib/errors";
import type { RankValue } from "@/lib/rank/rank-types";
import { countryCodeOf } from "./country-codes";
import { quoteRow } from "./list-row";
import type { PageRanks } from "./page-presets";

const wholeRank = /^[1-9]\d{0,9}$/;

export function parseAlexaXml(body: string, where: { source: string; what: string }): PageRanks {
  const fail = (message: string): never => {
    throw new SourceError("parse", where.source, `${where.what}: ${message}`);
  };
  const $ = load(body, { xml: true });
  if ($("ALEXA").length === 0) fail("the answer holds no <ALEXA> element");
  const popularity = $("SD POPULARITY[TEXT]");
  let global: RankValue = { kind: "unranked" };
  if (popularity.length > 0) {
    const text = popularity.first().attr("TEXT")!.trim();
    if (!wholeRank.test(text)) fail(`POPULARITY TEXT ${quoteRow(text)} is not a rank`);
    global = { kind: "exact", rank: Number(text) };
  }
  const countries: PageRanks["countries"] = [];
  $("SD COUNTRY[CODE][RANK]").each((_index, node) => {
    const code = $(node).attr("CODE")!;
    const rank = $(node).attr("RANK")!.trim();
    const scope = countryCodeOf(code) ?? fail(`COUNTRY CODE ${quoteRow(code)} is no country`);
    if (!wholeRank.test(rank)) fail(`the RANK of ${scope}, ${quoteRow(rank)}, is not a rank`);
    if (!countries.some((c) => c.scope === scope)) {
      countries.push({ scope, value: { kind: "exact", rank: Number(rank) } });
    }
  });
  return { global, countries };
}
