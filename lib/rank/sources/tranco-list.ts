// Tranco's daily list: a zip holding top-1m.csv, one "rank,domain" line per site, CRLF, no
// header. It is streamed (download → inflate → lines) and only the tracked domains are kept, so a
// million lines never sit in memory. One malformed line refuses the whole list.
import { SourceError } from "@/lib/errors";
import type { RankReadContext, RankReading, RankValue } from "@/lib/rank/rank-types";
import { openListDownload } from "./list-download";
import { describeListed, listReadings } from "./list-readings";
import { parseListLine, quoteRow } from "./list-row";
import { listDay } from "./published-at";
import { textLineBatches } from "./text-lines";
import { unzipEntry } from "./zip-entry";

export type TrancoListConfig = { key: string; listUrl: string; timeout: number };

export const trancoListFile = "top-1m.csv";
/** The compressed list is about 10 MB; ten times that is no list. */
const maxZipBytes = 100 * 1024 * 1024;

/** The tracked domains' ranks in a streamed Tranco zip, and how many lines it has. */
export async function scanTrancoZip(
  chunks: AsyncIterable<Uint8Array>,
  domains: ReadonlySet<string>,
  source: string,
): Promise<{ ranks: Map<string, RankValue>; lines: number }> {
  const ranks = new Map<string, RankValue>();
  let lines = 0;
  const batches = textLineBatches(unzipEntry(chunks, trancoListFile, source));
  for await (const { first, lines: batch } of batches) {
    for (let i = 0; i < batch.length; i++) {
      const row = parseListLine(batch[i]!);
      if (row === null) {
        const found = quoteRow(batch[i]!.replace(/\r$/, ""));
        throw new SourceError(
          "parse",
          source,
          `${trancoListFile} line ${first + i}: expected "rank,domain", found ${found}`,
        );
      }
      if (domains.has(row.domain) && !ranks.has(row.domain)) {
        ranks.set(row.domain, { kind: "exact", rank: row.rank });
      }
    }
    lines = first + batch.length - 1;
  }
  if (lines === 0) throw new SourceError("empty", source, `${trancoListFile} lists no domain`);
  return { ranks, lines };
}

/** One global reading per tracked domain, dated by the list's day. */
export async function readTrancoList(
  config: TrancoListConfig,
  context: RankReadContext,
): Promise<RankReading[]> {
  const download = await openListDownload(config.listUrl, {
    source: config.key,
    timeoutMs: config.timeout,
    maxBytes: maxZipBytes,
    signal: context.signal,
    accept: "application/zip",
  });
  const { ranks, lines } = await scanTrancoZip(
    download.chunks,
    new Set(context.domains),
    config.key,
  );
  context.note?.(
    `${trancoListFile}: ${lines.toLocaleString("en-US")} lines, ${describeListed(context.domains, ranks)}`,
  );
  return listReadings(context.domains, ranks, listDay(download.headers, context.now));
}
