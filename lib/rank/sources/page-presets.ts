// The known layouts of alexa.com's siteinfo page, as CSS selectors (see page-parse.ts). The
// "globleRank" class is alexa's own spelling. data.alexa.com's XML has its own reader
// (alexa-xml.ts).
import type { RankSourceConfig } from "@/lib/config/schema";
import type { RankValue } from "@/lib/rank/rank-types";

export type PageConfig = Extract<RankSourceConfig, { kind: "page" }>;
export type PageSelectors = NonNullable<PageConfig["selectors"]>;
export type PagePreset = NonNullable<PageConfig["preset"]>;

/** What one page says: the global rank (null when the layout has none) and per-country ranks. */
export type PageRanks = {
  global: RankValue | null;
  countries: { scope: string; value: RankValue }[];
};

export const pagePresets: Record<Exclude<PagePreset, "alexa-xml">, PageSelectors> = {
  /** 2017: the global rank in a <strong>, and a "Visitors by Country" table linking each country. */
  "alexa-2017": {
    global: ".globleRank strong.metrics-data",
    countryRow: "#demographics_div_country_table tbody tr",
    countryCode: "a",
    countryCodeAttribute: "href",
    countryRank: "td:nth-of-type(2)",
  },
  /** 2013: values in div.data; a block per country whose link text is the country's code. */
  "alexa-2013": {
    global: "#rank .data",
    countryRow: ".country-rank",
    countryCode: "a",
    countryRank: ".data",
  },
};
