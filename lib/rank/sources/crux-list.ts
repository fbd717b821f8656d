// The Chrome UX Report's top list: "origin,rank" where an origin is a scheme and host
// (https://www.example.com) and the rank a magnitude: the upper bound of the bucket the origin
// falls in (1000, 5000, 10000, ...). A domain is matched by its bare host or its www. host; when
// both are listed, the better bucket counts.
import { SourceError } from "@/lib/errors";
import { cruxBucket } from "@/lib/rank/rank-text";
import type { RankValue } from "@/lib/rank/rank-types";
import { eachCsvRecord } from "./csv-records";
import { quoteRow } from "./list-row";

const origin = /^https?:\/\/([^/:?#\s]+)(?::\d{1,5})?\/?$/i;

/** The host a tracked domain is listed under in `host`, or undefined. */
function trackedDomain(host: string, domains: ReadonlySet<string>): string | undefined {
  if (domains.has(host)) return host;
  if (host.startsWith("www.") && domains.has(host.slice(4))) return host.slice(4);
  return undefined;
}

/** The tracked domains' buckets in a streamed CrUX list, and how many origins it has. */
export async function scanCruxCsv(
  chunks: AsyncIterable<Uint8Array>,
  domains: ReadonlySet<string>,
  where: { file: string; source: string },
): Promise<{ ranks: Map<string, RankValue>; rows: number }> {
  const ranks = new Map<string, RankValue & { kind: "bucket" }>();
  let columns: { origin: number; rank: number } | undefined;
  let rows = 0;
  await eachCsvRecord(chunks, where, (record, line) => {
    const fail = (expected: string): never => {
      throw new SourceError(
        "parse",
        where.source,
        `${where.file} line ${line}: expected ${expected}, found ${quoteRow(record.join(","))}`,
      );
    };
    if (columns === undefined) {
      columns = { origin: record.indexOf("origin"), rank: record.indexOf("rank") };
      if (columns.origin < 0 || columns.rank < 0 || record.length !== 2)
        fail('the header "origin,rank"');
      return;
    }
    if (record.length !== 2) fail('"origin,rank"');
    const host = origin.exec(record[columns.origin]!)?.[1]?.toLowerCase() ?? fail("an origin");
    const rankText = record[columns.rank]!;
    const value = /^\d+$/.test(rankText) ? cruxBucket(Number(rankText)) : null;
    const bucket =
      value?.kind === "bucket" ? value : fail("a CrUX rank magnitude (1000, 5000, 10000, ...)");
    rows += 1;
    const domain = trackedDomain(host, domains);
    if (domain === undefined) return;
    const known = ranks.get(domain);
    if (known === undefined || (known.max ?? Infinity) > (bucket.max ?? Infinity)) {
      ranks.set(domain, bucket);
    }
  });
  if (rows === 0) throw new SourceError("empty", where.source, `${where.file} lists no origin`);
  return { ranks, rows };
}
