// Rank source "csv-list": a downloaded list in one of three formats (Majestic Million, Cisco
// Umbrella, the CrUX top list), streamed and matched against the tracked domains. Each tracked
// domain gets one global reading per list: its rank, or unranked when the full list leaves it out.
import type { RankSourceConfig } from "@/lib/config/schema";
import type { RankReadContext, RankReading, RankValue } from "@/lib/rank/rank-types";
import { scanCruxCsv } from "./crux-list";
import { openListDownload } from "./list-download";
import { describeListed, listReadings } from "./list-readings";
import { scanMajesticCsv } from "./majestic-list";
import { listDay } from "./published-at";
import { scanUmbrellaZip } from "./umbrella-list";

export type CsvListConfig = Extract<RankSourceConfig, { kind: "csv-list" }>;

type Scan = (
  chunks: AsyncIterable<Uint8Array>,
  domains: ReadonlySet<string>,
  where: { file: string; source: string },
) => Promise<{ ranks: Map<string, RankValue>; rows: number }>;

const MB = 1024 * 1024;

/** How each format is fetched and read. The lists are 20–80 MB as CSV, ~10 MB zipped. */
const formats: Record<CsvListConfig["format"], { scan: Scan; accept: string; maxBytes: number }> = {
  majestic: { scan: scanMajesticCsv, accept: "text/csv", maxBytes: 300 * MB },
  umbrella: {
    scan: (chunks, domains, where) => scanUmbrellaZip(chunks, domains, where.source),
    accept: "application/zip",
    maxBytes: 100 * MB,
  },
  crux: { scan: scanCruxCsv, accept: "text/csv", maxBytes: 300 * MB },
};

/** "https://host/path/current.csv?x" → "current.csv", for messages. */
function fileName(url: string): string {
  return new URL(url).pathname.split("/").pop() || url;
}

export async function readCsvList(
  config: CsvListConfig,
  context: RankReadContext,
): Promise<RankReading[]> {
  const format = formats[config.format];
  const download = await openListDownload(config.url, {
    source: config.key,
    timeoutMs: config.timeout,
    maxBytes: format.maxBytes,
    signal: context.signal,
    accept: format.accept,
  });
  const where = { file: fileName(config.url), source: config.key };
  const { ranks, rows } = await format.scan(download.chunks, new Set(context.domains), where);
  context.note?.(
    `${config.format} list: ${rows.toLocaleString("en-US")} rows, ${describeListed(context.domains, ranks)}`,
  );
  return listReadings(context.domains, ranks, listDay(download.headers, context.now));
}
