// An archived rank page (a saved alexa.com siteinfo page, a data.alexa.com answer): read with the
// same presets as the live pages, dated by when it was captured, which the page does not say.
import { SourceError, ValidationError } from "@/lib/errors";
import { parseRankPage } from "@/lib/rank/sources/page-parse";
import type { PagePreset } from "@/lib/rank/sources/page-presets";
import { readHistoryRow, type HistoryRow } from "./history-row";

/** What an archived page does not say about itself. */
export type ArchivedPage = { source: string; domain: string; at: Date; preset: PagePreset };

export function readArchivedPage(fileName: string, text: string, page: ArchivedPage): HistoryRow[] {
  if (Number.isNaN(page.at.getTime())) {
    throw new ValidationError(`${fileName}: the capture time is not a valid time`);
  }
  const where = { source: fileName, what: `the archived ${page.preset} page` };
  let ranks;
  try {
    ranks = parseRankPage(text, { preset: page.preset }, where);
  } catch (error) {
    if (error instanceof SourceError) throw new ValidationError(error.message, { cause: error });
    throw error;
  }
  const place = (scope: string) => ({
    label: `the ${scope} rank`,
    field: (name: string) => `${fileName} (${scope} rank), ${name}`,
  });
  const row = (scope: string) => ({
    date: page.at.toISOString(),
    domain: page.domain,
    source: page.source,
    scope,
    rank: null,
  });
  // Checked as any imported row, then given the value the page states.
  const rows: HistoryRow[] = [];
  if (ranks.global) {
    const checked = readHistoryRow(row("global"), place("global"));
    rows.push({ ...checked, reading: { ...checked.reading, value: ranks.global } });
  }
  for (const { scope, value } of ranks.countries) {
    const checked = readHistoryRow(row(scope), place(scope));
    rows.push({ ...checked, reading: { ...checked.reading, value } });
  }
  return rows;
}
