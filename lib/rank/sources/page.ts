// Rank source "page": one page per tracked domain ({domain} in config.url), read with a preset
// layout or the configured selectors. Pages carry no list date: a reading is dated by the page's
// Last-Modified (else now) floored to config.period, so reading twice within a period stores once.
import { fetchSource, statusError } from "@/lib/http/fetch-source";
import type { RankReadContext, RankReading } from "@/lib/rank/rank-types";
import { parseRankPage } from "./page-parse";
import type { PageConfig } from "./page-presets";
import { floorToPeriod, lastModified } from "./published-at";

export async function readRankPage(
  config: PageConfig,
  context: RankReadContext,
): Promise<RankReading[]> {
  const source = config.key;
  const accept =
    config.preset === "alexa-xml" ? "application/xml,text/xml" : "text/html,application/xhtml+xml";
  const readings: RankReading[] = [];
  for (const domain of context.domains) {
    const url = config.url.replaceAll("{domain}", encodeURIComponent(domain));
    const answer = await fetchSource(url, {
      source,
      timeoutMs: config.timeout,
      maxBytes: 5 * 1024 * 1024,
      headers: { accept },
      signal: context.signal,
    });
    const refused = statusError(answer, source, url);
    if (refused) throw refused;
    const at = floorToPeriod(lastModified(answer.headers) ?? context.now, config.period);
    const page = parseRankPage(answer.body, config, { source, what: `the page of ${domain}` });
    if (page.global) readings.push({ domain, scope: "global", at, value: page.global });
    for (const { scope, value } of page.countries) readings.push({ domain, scope, at, value });
  }
  return readings;
}
