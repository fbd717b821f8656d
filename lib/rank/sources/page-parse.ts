// Ranks on a web page, found with CSS selectors (a preset's, or the configuration's): the global
// rank in one element, and optionally one row per country holding a country and its rank. A
// global selector that matches nothing means the page changed and is refused; a rank text of "-"
// or nothing means unranked; a country named in words is mapped to its code.
import { load, type CheerioAPI } from "cheerio";
import { SourceError } from "@/lib/errors";
import { parseRankText } from "@/lib/rank/rank-text";
import type { RankValue } from "@/lib/rank/rank-types";
import { parseAlexaXml } from "./alexa-xml";
import { countryCodeOf } from "./country-codes";
import { quoteRow } from "./list-row";
import { pagePresets, type PagePreset, type PageRanks, type PageSelectors } from "./page-presets";

export type PageLayout = { preset?: PagePreset; selectors?: PageSelectors };

type Where = { source: string; what: string };
type Selection = ReturnType<CheerioAPI>;
/** Declared with its type, so that TypeScript narrows after a call to it. */
type Fail = (message: string) => never;

/** Reads a page (HTML, or XML for alexa-xml) by its preset or selectors. */
export function parseRankPage(body: string, layout: PageLayout, where: Where): PageRanks {
  if (layout.preset === "alexa-xml") return parseAlexaXml(body, where);
  const selectors = layout.preset ? pagePresets[layout.preset] : layout.selectors;
  if (!selectors) throw new SourceError("parse", where.source, "no preset and no selectors");
  return readSelectors(load(body), selectors, where);
}

function readSelectors($: CheerioAPI, selectors: PageSelectors, where: Where): PageRanks {
  const fail: Fail = (message) => {
    throw new SourceError("parse", where.source, `${where.what}: ${message}`);
  };
  const select = (selector: string, within?: Selection): Selection => {
    try {
      return within ? within.find(selector) : $(selector);
    } catch (error) {
      return fail(`selector "${selector}" is not valid CSS (${(error as Error).message})`);
    }
  };
  const rankIn = (element: Selection, what: string): RankValue => {
    const text = element.text().replace(/\s+/g, " ").trim();
    return parseRankText(text) ?? fail(`${what} ${quoteRow(text)} is not a rank`);
  };

  let global: RankValue | null = null;
  if (selectors.global) {
    const found = select(selectors.global);
    if (found.length === 0)
      fail(`selector "${selectors.global}" matched nothing: the page has changed`);
    if (found.length > 1)
      fail(`selector "${selectors.global}" matched ${found.length} elements, not one`);
    global = rankIn(found, "the global rank");
  }

  const countries: PageRanks["countries"] = [];
  if (selectors.countryRow) {
    const { countryCode, countryCodeAttribute, countryRank } = selectors;
    if (!countryRank) fail("selectors.countryRow needs selectors.countryRank");
    select(selectors.countryRow).each((index, node) => {
      const row = $(node);
      const named = countryCode ? select(countryCode, row).first() : row;
      if (named.length === 0) fail(`country row ${index + 1} has no "${countryCode}"`);
      const name = countryCodeAttribute ? named.attr(countryCodeAttribute) : named.text();
      if (name === undefined)
        fail(`country row ${index + 1}: "${countryCode}" has no ${countryCodeAttribute} attribute`);
      const scope =
        countryCodeOf(name) ??
        fail(`country row ${index + 1} names no known country: ${quoteRow(name.trim())}`);
      const rankCell = select(countryRank, row).first();
      if (rankCell.length === 0) fail(`country row ${index + 1} has no "${countryRank}"`);
      const value = rankIn(rankCell, `the rank in ${scope}`);
      if (!countries.some((c) => c.scope === scope)) countries.push({ scope, value });
    });
  }
  return { global, countries };
}
