// Rank source "tranco": the daily list, the API's back-fill, or both. With both, the list's
// readings stand and the API adds the days the list does not give (the same day from both is
// the list's, which is what was published that day).
import type { RankSourceConfig } from "@/lib/config/schema";
import type { RankReadContext, RankReading } from "@/lib/rank/rank-types";
import { readTrancoApi } from "./tranco-api";
import { readTrancoList } from "./tranco-list";

export type TrancoConfig = Extract<RankSourceConfig, { kind: "tranco" }>;

function readingKey(reading: RankReading): string {
  return `${reading.domain} ${reading.scope} ${reading.at.getTime()}`;
}

/** `first`, then each of `second` whose (domain, scope, at) `first` does not have. */
export function mergeReadings(first: RankReading[], second: RankReading[]): RankReading[] {
  const taken = new Set(first.map(readingKey));
  return [...first, ...second.filter((reading) => !taken.has(readingKey(reading)))];
}

export async function readTranco(
  config: TrancoConfig,
  context: RankReadContext,
): Promise<RankReading[]> {
  const { key, timeout, listUrl, apiUrl, pace } = config;
  const list = listUrl ? await readTrancoList({ key, listUrl, timeout }, context) : [];
  const api = apiUrl ? await readTrancoApi({ key, apiUrl, timeout, pace }, context) : [];
  return mergeReadings(list, api);
}
