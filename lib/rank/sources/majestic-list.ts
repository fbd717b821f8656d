// The Majestic Million: a CSV ranked by referring subnets, whose header names its twelve columns
// (GlobalRank,TldRank,Domain,TLD,RefSubNets,...). The columns are found by name, so a reordered
// file still reads; a file without that header is refused rather than guessed at.
import { SourceError } from "@/lib/errors";
import type { RankValue } from "@/lib/rank/rank-types";
import { eachCsvRecord } from "./csv-records";
import { parseRankAndDomain, quoteRow } from "./list-row";

type Columns = { rank: number; domain: number; count: number };

function findColumns(header: string[], where: { file: string; source: string }): Columns {
  const rank = header.indexOf("GlobalRank");
  const domain = header.indexOf("Domain");
  if (rank < 0 || domain < 0) {
    throw new SourceError(
      "parse",
      where.source,
      `${where.file} line 1: expected a header with GlobalRank and Domain columns, found ${quoteRow(header.join(","))}`,
    );
  }
  return { rank, domain, count: header.length };
}

/** The tracked domains' exact global ranks in a streamed Majestic Million, and its row count. */
export async function scanMajesticCsv(
  chunks: AsyncIterable<Uint8Array>,
  domains: ReadonlySet<string>,
  where: { file: string; source: string },
): Promise<{ ranks: Map<string, RankValue>; rows: number }> {
  const ranks = new Map<string, RankValue>();
  let columns: Columns | undefined;
  let rows = 0;
  await eachCsvRecord(chunks, where, (record, line) => {
    if (columns === undefined) {
      columns = findColumns(record, where);
      return;
    }
    const fail = (expected: string): never => {
      throw new SourceError(
        "parse",
        where.source,
        `${where.file} line ${line}: expected ${expected}, found ${quoteRow(record.join(","))}`,
      );
    };
    if (record.length !== columns.count) fail(`${columns.count} fields as in the header`);
    const row =
      parseRankAndDomain([record[columns.rank]!, record[columns.domain]!]) ??
      fail("a rank in GlobalRank and a domain in Domain");
    rows += 1;
    if (domains.has(row.domain) && !ranks.has(row.domain)) {
      ranks.set(row.domain, { kind: "exact", rank: row.rank });
    }
  });
  if (rows === 0) throw new SourceError("empty", where.source, `${where.file} lists no domain`);
  return { ranks, rows };
}
