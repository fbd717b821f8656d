// Cisco Umbrella's list: a zip holding top-1m.csv, "rank,domain" lines ranked by DNS queries, so
// hosts are listed beside their domains (www.example.com, api.example.com). A domain's rank is
// its own line only: a subdomain's line says nothing of the domain.
import { SourceError } from "@/lib/errors";
import type { RankValue } from "@/lib/rank/rank-types";
import { eachCsvRecord } from "./csv-records";
import { parseRankAndDomain, quoteRow } from "./list-row";
import { unzipEntry } from "./zip-entry";

export const umbrellaListFile = "top-1m.csv";

/** The tracked domains' ranks in a streamed Umbrella zip, and how many rows it has. */
export async function scanUmbrellaZip(
  chunks: AsyncIterable<Uint8Array>,
  domains: ReadonlySet<string>,
  source: string,
): Promise<{ ranks: Map<string, RankValue>; rows: number }> {
  const ranks = new Map<string, RankValue>();
  let rows = 0;
  const where = { file: umbrellaListFile, source };
  await eachCsvRecord(unzipEntry(chunks, umbrellaListFile, source), where, (record, line) => {
    const row = parseRankAndDomain(record);
    if (row === null) {
      throw new SourceError(
        "parse",
        source,
        `${umbrellaListFile} line ${line}: expected "rank,domain", found ${quoteRow(record.join(","))}`,
      );
    }
    rows = line;
    if (domains.has(row.domain) && !ranks.has(row.domain)) {
      ranks.set(row.domain, { kind: "exact", rank: row.rank });
    }
  });
  if (rows === 0) throw new SourceError("empty", source, `${umbrellaListFile} lists no domain`);
  return { ranks, rows };
}
