// A rank history as CSV: a header naming date (or at), domain, source, rank and optionally scope,
// in any order, then one row per reading. Read with csv-parse; a row's place is its line.
import { CsvError } from "csv-parse";
import { parse } from "csv-parse/sync";
import { ValidationError } from "@/lib/errors";
import { quoteRow } from "@/lib/rank/sources/list-row";
import { readHistoryRow, type HistoryRow } from "./history-row";

const required = ["domain", "source", "rank"] as const;
const known = new Set(["date", "at", "domain", "source", "scope", "rank"]);

type LineRecord = { record: string[]; info: { lines: number } };

export function readHistoryCsv(fileName: string, text: string): HistoryRow[] {
  let records: LineRecord[];
  try {
    records = parse(text, {
      bom: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as LineRecord[];
  } catch (error) {
    if (error instanceof CsvError) throw new ValidationError(`${fileName}: ${error.message}`);
    throw error;
  }
  const [header, ...rows] = records;
  if (!header) throw new ValidationError(`${fileName} is empty: expected a header and rows`);
  const names = header.record.map((name) => name.trim().toLowerCase());
  const index = (name: string) => names.indexOf(name);
  const missing = [...required, "date"].filter(
    (name) => index(name) < 0 && !(name === "date" && index("at") >= 0),
  );
  const unknown = names.filter((name) => !known.has(name));
  if (missing.length > 0 || unknown.length > 0 || new Set(names).size !== names.length) {
    throw new ValidationError(
      `${fileName} line 1: expected the header date,domain,source,scope,rank (scope optional), found ${quoteRow(header.record.join(","))}`,
    );
  }
  const dateColumn = index("date") >= 0 ? index("date") : index("at");
  return rows.map(({ record, info }) => {
    const place = {
      label: `line ${info.lines}`,
      field: (name: string) => `${fileName} line ${info.lines}, ${name}`,
    };
    const cell = (column: number) => (column >= 0 ? (record[column] ?? "") : undefined);
    return readHistoryRow(
      {
        date: cell(dateColumn)!,
        domain: cell(index("domain"))!,
        source: cell(index("source"))!,
        scope: cell(index("scope")),
        rank: cell(index("rank"))!,
      },
      place,
    );
  });
}
