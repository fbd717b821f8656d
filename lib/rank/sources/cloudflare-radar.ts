// Rank source "cloudflare-radar": each tracked domain's Radar rank (exact in the top 100, else a
// bucket) and its top locations, then the top 100 of each configured location. A tracked domain
// in a location's top 100 gets that exact rank there; one missing from it is beyond the top 100
// there (the bucket 101 and up), unless its own top locations already ranked it there.
import type { RankSourceConfig } from "@/lib/config/schema";
import { readSecret } from "@/lib/env";
import { SourceError } from "@/lib/errors";
import { fetchSource } from "@/lib/http/fetch-source";
import { rateLimitOf, withRateLimitRetry } from "@/lib/http/rate-limit";
import type { RankReadContext, RankReading } from "@/lib/rank/rank-types";
import {
  openRadarEnvelope,
  radarDomainReadings,
  radarLocationReadings,
  radarTopRanks,
} from "./radar-answers";

export type RadarConfig = Extract<RankSourceConfig, { kind: "cloudflare-radar" }>;

/** Radar lists a location's top 100 at most; past it, a domain is only "beyond 100". */
export const radarTopLimit = 100;

function bearerToken(config: RadarConfig): string {
  try {
    return readSecret(config.tokenEnv);
  } catch (error) {
    throw new SourceError("http", config.key, (error as Error).message, { cause: error });
  }
}

export async function readCloudflareRadar(
  config: RadarConfig,
  context: RankReadContext,
): Promise<RankReading[]> {
  const source = config.key;
  const base = config.baseUrl.replace(/\/+$/, "");
  const headers = { authorization: `Bearer ${bearerToken(config)}`, accept: "application/json" };
  const ask = (url: string, what: string) =>
    withRateLimitRetry(
      async () => {
        const answer = await fetchSource(url, {
          source,
          timeoutMs: config.timeout,
          maxBytes: 1024 * 1024,
          headers,
          signal: context.signal,
        });
        const limited = rateLimitOf(answer, source, url);
        if (limited) throw limited;
        return openRadarEnvelope(answer.status, answer.body, { source, what });
      },
      { signal: context.signal, deadline: context.deadline, attemptMs: config.timeout },
    );

  const readings: RankReading[] = [];
  for (const domain of context.domains) {
    const url = `${base}/radar/ranking/domain/${encodeURIComponent(domain)}`;
    const result = await ask(url, `the Radar rank of ${domain}`);
    readings.push(...radarDomainReadings(result, domain, context.now, source));
  }
  const ranked = new Set(readings.map((r) => `${r.domain} ${r.scope}`));
  for (const location of config.locations) {
    const url = `${base}/radar/ranking/top?location=${location}&limit=${radarTopLimit}`;
    const result = await ask(url, `the Radar top list of ${location}`);
    const top = radarTopRanks(result, location, context.now, source);
    readings.push(...radarLocationReadings(context.domains, location, top, ranked, radarTopLimit));
  }
  return readings;
}
