// Tranco's API: {apiUrl}/ranks/domain/{domain} answers the domain's rank in each recent daily
// list ({"domain", "ranks": [{"date", "rank"}]}, in no particular order). It back-fills exact
// global readings dated at 00:00 UTC of each list's day; readTranco (tranco.ts) then dates them
// as readings: the day still running at the fetch, past days at their last moment.
// Tranco asks for at most one request a second: requests are paced to config.pace across the
// run (p-throttle). A 429 waits as Retry-After says when another try still fits in the run
// (context.deadline), and otherwise ends this source's part of the run at once.
import pThrottle from "p-throttle";
import { z } from "zod";
import { SourceError } from "@/lib/errors";
import { fetchSource, statusError } from "@/lib/http/fetch-source";
import { withRateLimitRetry } from "@/lib/http/rate-limit";
import type { RankReadContext, RankReading } from "@/lib/rank/rank-types";
import { parseJsonAnswer } from "./answer-json";
import { keepReadings } from "./partial-read";
import { parseDay } from "./published-at";

export type TrancoApiConfig = { key: string; apiUrl: string; timeout: number; pace: number };

const day = z.string().superRefine((text, ctx) => {
  if (parseDay(text) !== null) return;
  const message = /^\d{4}-\d{2}-\d{2}$/.test(text) ? "a real day" : "a day as YYYY-MM-DD";
  ctx.addIssue({ code: "custom", message, input: text });
});

const domainRanks = z.object({
  domain: z.string(),
  ranks: z.array(z.object({ date: day, rank: z.number().int().positive() })),
});

/** The exact global readings in one API answer, oldest first; one per day. */
export function parseTrancoRanks(body: string, domain: string, source: string): RankReading[] {
  const answer = parseJsonAnswer(body, domainRanks, { source, what: `the ranks of ${domain}` });
  if (answer.domain.toLowerCase() !== domain) {
    throw new SourceError(
      "parse",
      source,
      `asked for the ranks of ${domain}, the answer is about ${JSON.stringify(answer.domain)}`,
    );
  }
  const byDay = new Map<string, number>();
  for (const { date, rank } of answer.ranks) if (!byDay.has(date)) byDay.set(date, rank);
  return [...byDay]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, rank]) => ({
      domain,
      scope: "global",
      at: parseDay(date)!,
      value: { kind: "exact", rank },
    }));
}

export async function readTrancoApi(
  config: TrancoApiConfig,
  context: RankReadContext,
): Promise<RankReading[]> {
  const source = config.key;
  const base = config.apiUrl.replace(/\/+$/, "");
  const throttle = pThrottle({
    limit: 1,
    interval: config.pace,
    strict: true,
    signal: context.signal,
  });
  const get = throttle((url: string) =>
    fetchSource(url, {
      source,
      timeoutMs: config.timeout,
      maxBytes: 1024 * 1024,
      headers: { accept: "application/json" },
      signal: context.signal,
    }),
  );
  const readings: RankReading[] = [];
  for (const domain of context.domains) {
    const url = `${base}/ranks/domain/${encodeURIComponent(domain)}`;
    const response = await withRateLimitRetry(
      async () => {
        const answer = await get(url);
        const refused = statusError(answer, source, url);
        if (refused) throw refused;
        return answer;
      },
      {
        signal: context.signal,
        deadline: context.deadline,
        attemptMs: config.timeout,
        onWait: (waitMs) => context.note?.(`rate limited: waiting ${waitMs} ms for ${domain}`),
      },
    ).catch((error: unknown) => {
      // The domains already back-filled are kept; the failure still ends the source.
      throw keepReadings(error, readings);
    });
    const found = parseTrancoRanks(response.body, domain, source);
    context.note?.(`backfilled ${found.length} days of ${domain}`);
    readings.push(...found);
  }
  return readings;
}
