// `npm run jobs -- import-ranks <file>`: a rank history from before Liftoff watched (a sheet kept
// by hand, an export, archived alexa.com pages), read into readings for the rank recorder.
//
//   parseRankHistory(fileName, text, options?) → [{ source, readings }]
//
// The format follows the file name's extension:
// - .csv:  a header date,domain,source,scope,rank (scope optional, default global; "at" may
//          name the date column), then one row per reading.
// - .json: an array of {date | at, domain, source, scope?, rank}.
// - .html, .htm, .xml: one archived page, read with `options.page.preset` and dated
//          `options.page.at` for `options.page.domain` from `options.page.source`.
// A date is YYYY-MM-DD (00:00 UTC) or an ISO 8601 time with its offset ("Z" or "+12:00"). A rank
// is a number, or a text as pages write it ("1,234", "#12", "12K", "top 5,000", ">200,000", "-"
// or "unranked"); in JSON null is unranked. Domains are lower-cased, country codes upper-cased.
//
// The whole file or nothing: any bad row throws a ValidationError naming the file, the row (CSV:
// its line; JSON: its index) and the field, and so does the same (source, domain, scope, time)
// twice. Sources come back in the order they first appear, readings in file order.
import { ValidationError } from "@/lib/errors";
import type { RankReading } from "@/lib/rank/rank-types";
import { readHistoryCsv } from "./history-csv";
import { readHistoryJson } from "./history-json";
import { readArchivedPage, type ArchivedPage } from "./history-page";
import { groupBySource, type HistoryRow } from "./history-row";

export type { ArchivedPage } from "./history-page";

export type RankHistoryOptions = {
  /** Required for an archived page: what the page itself does not say. */
  page?: ArchivedPage;
};

export type RankHistoryBatch = { source: string; readings: RankReading[] };

export function parseRankHistory(
  fileName: string,
  text: string,
  options: RankHistoryOptions = {},
): RankHistoryBatch[] {
  const extension = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  let rows: HistoryRow[];
  switch (extension) {
    case "csv":
      rows = readHistoryCsv(fileName, text);
      break;
    case "json":
      rows = readHistoryJson(fileName, text);
      break;
    case "html":
    case "htm":
    case "xml":
      if (!options.page) {
        throw new ValidationError(
          `${fileName} is an archived page: give its source, domain, capture time and preset`,
        );
      }
      rows = readArchivedPage(fileName, text, options.page);
      break;
    default:
      throw new ValidationError(
        `${fileName}: expected a .csv, .json, .html or .xml file, found ${extension ? `.${extension}` : "no extension"}`,
      );
  }
  if (rows.length === 0) throw new ValidationError(`${fileName} holds no readings`);
  return groupBySource(rows);
}
