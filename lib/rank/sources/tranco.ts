// Rank source "tranco": the daily list, the API's back-fill, or both. The list's readings are
// dated by its day. The API's are dated as readings: its entry for the list day still running at
// the fetch is dated at the fetch, so a rank that changes within a day keeps each reading; an
// earlier day's entry at that day's last moment, after any reading taken during it. Where list
// and API say the same, the recorder keeps one (a reading equal to the one before it that day).
import type { RankSourceConfig } from "@/lib/config/schema";
import type { RankReadContext, RankReading } from "@/lib/rank/rank-types";
import { keepReadings } from "./partial-read";
import { readTrancoApi } from "./tranco-api";
import { readTrancoList } from "./tranco-list";

export type TrancoConfig = Extract<RankSourceConfig, { kind: "tranco" }>;

const DAY_MS = 86_400_000;

function readingKey(reading: RankReading): string {
  return `${reading.domain} ${reading.scope} ${reading.at.getTime()}`;
}

/** `first`, then each of `second` whose (domain, scope, at) `first` does not have. */
export function mergeReadings(first: RankReading[], second: RankReading[]): RankReading[] {
  const taken = new Set(first.map(readingKey));
  return [...first, ...second.filter((reading) => !taken.has(readingKey(reading)))];
}

/**
 * An API entry (dated 00:00 UTC of its list day) as a reading taken at `fetchedAt`: at the fetch
 * while its day runs, else at the day's last millisecond.
 */
export function datedByFetch(reading: RankReading, fetchedAt: Date): RankReading {
  const lastMoment = reading.at.getTime() + DAY_MS - 1;
  return { ...reading, at: new Date(Math.min(fetchedAt.getTime(), lastMoment)) };
}

export async function readTranco(
  config: TrancoConfig,
  context: RankReadContext,
): Promise<RankReading[]> {
  const { key, timeout, listUrl, apiUrl, pace } = config;
  const list = listUrl ? await readTrancoList({ key, listUrl, timeout }, context) : [];
  const dated = (api: RankReading[]) =>
    mergeReadings(
      list,
      api.map((reading) => datedByFetch(reading, context.now)),
    );
  if (!apiUrl) return list;
  const api = await readTrancoApi({ key, apiUrl, timeout, pace }, context).catch(
    (error: unknown) => {
      // A rate-limited or broken API keeps the day's list (and what it back-filled before).
      throw keepReadings(error, list, dated);
    },
  );
  return dated(api);
}
