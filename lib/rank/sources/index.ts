// The rank sources Liftoff reads, one reader per `kind` of sources.ranks. Adding a kind to the
// configuration schema without a reader here is a type error.
//
// A reader either returns every reading of the run or throws a SourceError ("http", "timeout",
// "parse", "empty") whose message names the source's key and what was wrong; nothing is stored
// from an answer it refused. Stopping the run (context.signal) rejects with the signal's reason.
import type { RankSourceConfig } from "@/lib/config/schema";
import type { RankReadContext, RankReading } from "@/lib/rank/rank-types";
import { readCloudflareRadar } from "./cloudflare-radar";
import { readCsvList } from "./csv-list";
import { readRankPage } from "./page";
import { readTranco } from "./tranco";

type RankKind = RankSourceConfig["kind"];
type RankReader<Config> = (config: Config, context: RankReadContext) => Promise<RankReading[]>;

const rankReaders: {
  [K in RankKind]: RankReader<Extract<RankSourceConfig, { kind: K }>>;
} = {
  tranco: readTranco,
  "cloudflare-radar": readCloudflareRadar,
  "csv-list": readCsvList,
  page: readRankPage,
};

/** Every reading one rank source gives in this run. */
export async function readRankSource(
  config: RankSourceConfig,
  context: RankReadContext,
): Promise<RankReading[]> {
  const read = rankReaders[config.kind] as RankReader<RankSourceConfig>;
  return read(config, context);
}
