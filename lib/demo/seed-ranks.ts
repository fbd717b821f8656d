// The rank samples a week of ingest-ranks would have stored, per (site, source, scope), dated as
// each reader dates them. Small answers (Radar's JSON, Tranco's API, Alexa's pages) are asked of
// the simulator in-process and read by the sources' own parsers; the downloadable lists (100,000
// lines each) are read from the model the lists are built from: a tracked domain is on a list at
// its pinned rank when that is within the list's length, and unranked otherwise. Each source is
// read at the first run after each of its publications (later runs read the same thing, which
// the recorder does not store again), and recorded run by run through recordRankReadings.
import type { LoadedConfig } from "@/lib/config";
import type { RankSourceConfig } from "@/lib/config/schema";
import type { Database } from "@/lib/database/client";
import { SourceError } from "@/lib/errors";
import { cruxBucket } from "@/lib/rank/rank-text";
import type { RankReading, RankValue } from "@/lib/rank/rank-types";
import { recordRankReadings } from "@/lib/rank/record-ranks";
import { listReadings } from "@/lib/rank/sources/list-readings";
import { parseRankPage } from "@/lib/rank/sources/page-parse";
import { floorToPeriod, lastModified, startOfUtcDay } from "@/lib/rank/sources/published-at";
import { radarTopLimit } from "@/lib/rank/sources/cloudflare-radar";
import {
  openRadarEnvelope,
  radarDomainReadings,
  radarLocationReadings,
  radarTopRanks,
} from "@/lib/rank/sources/radar-answers";
import { datedByFetch, mergeReadings } from "@/lib/rank/sources/tranco";
import { parseTrancoRanks } from "@/lib/rank/sources/tranco-api";
import { cruxBucket as cruxMagnitude } from "@/simulator/model/buckets";
import { publishedAt, rankAt } from "@/simulator/model/ranks";
import type { RankSource } from "@/simulator/scenario";
import { bodyText, type DemoSimulator } from "./demo-simulator";

/** The simulator's list behind a configured source, or null when the simulator does not serve it. */
function simulatedSource(config: RankSourceConfig, sim: DemoSimulator): RankSource | null {
  switch (config.kind) {
    case "tranco":
      return [config.listUrl, config.apiUrl].some((url) => url && sim.serves(url))
        ? "tranco"
        : null;
    case "cloudflare-radar":
      return sim.serves(`${config.baseUrl}/radar/ranking/top`) ? "cloudflare" : null;
    case "csv-list":
      return sim.serves(config.url) ? config.format : null;
    case "page":
      return sim.serves(config.url) && config.url.includes("/alexa/") ? "alexa" : null;
  }
}

/** A downloadable list's readings for the day it was published, from the model. */
function listFromModel(
  sim: DemoSimulator,
  source: RankSource,
  domains: string[],
  t: Date,
): RankReading[] {
  const { scenario } = sim;
  const published = publishedAt(scenario, source, t);
  const found = new Map<string, RankValue>();
  for (const domain of domains) {
    const rank = rankAt(scenario, domain, source, "global", published);
    if (rank === null || rank > scenario.listLength) continue;
    const value = source === "crux" ? cruxBucket(cruxMagnitude(rank)!) : null;
    found.set(domain, value ?? { kind: "exact", rank });
  }
  return listReadings(domains, found, startOfUtcDay(published));
}

function askJson(sim: DemoSimulator, url: string, t: Date, headers: Record<string, string>) {
  const answer = sim.ask(url, t, headers);
  return { status: answer.answer.status, body: bodyText(answer) };
}

function readTranco(
  config: Extract<RankSourceConfig, { kind: "tranco" }>,
  sim: DemoSimulator,
  domains: string[],
  t: Date,
): RankReading[] {
  const list = config.listUrl ? listFromModel(sim, "tranco", domains, t) : [];
  if (!config.apiUrl) return list;
  const base = config.apiUrl.replace(/\/+$/, "");
  const api = domains.flatMap((domain) => {
    const { body } = askJson(sim, `${base}/ranks/domain/${domain}`, t, {});
    return parseTrancoRanks(body, domain, config.key);
  });
  return mergeReadings(
    list,
    api.map((reading) => datedByFetch(reading, t)),
  );
}

/** As lib/rank/sources/cloudflare-radar.ts reads Radar: each domain, then each location's top. */
function readRadar(
  config: Extract<RankSourceConfig, { kind: "cloudflare-radar" }>,
  sim: DemoSimulator,
  domains: string[],
  t: Date,
): RankReading[] {
  const base = config.baseUrl.replace(/\/+$/, "");
  const headers = { authorization: `Bearer ${sim.radarToken}` };
  const source = config.key;
  const readings = domains.flatMap((domain) => {
    const what = `the Radar rank of ${domain}`;
    const answer = askJson(sim, `${base}/radar/ranking/domain/${domain}`, t, headers);
    const result = openRadarEnvelope(answer.status, answer.body, { source, what });
    return radarDomainReadings(result, domain, t, source);
  });
  const ranked = new Set(readings.map((r) => `${r.domain} ${r.scope}`));
  for (const location of config.locations) {
    const url = `${base}/radar/ranking/top?location=${location}&limit=${radarTopLimit}`;
    const answer = askJson(sim, url, t, headers);
    const what = `the Radar top list of ${location}`;
    const result = openRadarEnvelope(answer.status, answer.body, { source, what });
    const top = radarTopRanks(result, location, t, source);
    readings.push(...radarLocationReadings(domains, location, top, ranked, radarTopLimit));
  }
  return readings;
}

function readPage(
  config: Extract<RankSourceConfig, { kind: "page" }>,
  sim: DemoSimulator,
  domains: string[],
  t: Date,
): RankReading[] {
  return domains.flatMap((domain) => {
    const url = config.url.replaceAll("{domain}", encodeURIComponent(domain));
    const answer = sim.ask(url, t);
    if (answer.answer.status !== 200) {
      throw new SourceError("http", config.key, `${url} answered HTTP ${answer.answer.status}`);
    }
    const headers = new Headers(answer.answer.headers);
    const at = floorToPeriod(lastModified(headers) ?? t, config.period);
    const where = { source: config.key, what: `the page of ${domain}` };
    const page = parseRankPage(bodyText(answer), config, where);
    return [
      ...(page.global ? [{ domain, scope: "global", at, value: page.global }] : []),
      ...page.countries.map(({ scope, value }) => ({ domain, scope, at, value })),
    ];
  });
}

function readSource(
  config: RankSourceConfig,
  simulated: RankSource,
  sim: DemoSimulator,
  domains: string[],
  t: Date,
): RankReading[] {
  switch (config.kind) {
    case "tranco":
      return readTranco(config, sim, domains, t);
    case "cloudflare-radar":
      return readRadar(config, sim, domains, t);
    case "csv-list":
      return listFromModel(sim, simulated, domains, t);
    case "page":
      return readPage(config, sim, domains, t);
  }
}

export type SeededRanks = { samples: number; sources: string[] };

/** Records each simulated rank source at the first of `ticks` after each of its publications. */
export async function seedRankSamples(
  db: Database,
  config: LoadedConfig,
  sim: DemoSimulator,
  ticks: Date[],
  now: Date,
): Promise<SeededRanks> {
  const domains = [config.service.domain, ...config.competitors.map((c) => c.domain)];
  let samples = 0;
  const sources: string[] = [];
  for (const source of config.sources.ranks) {
    const simulated = simulatedSource(source, sim);
    if (simulated === null) continue;
    sources.push(source.key);
    let published: number | null = null;
    for (const t of ticks) {
      // A Tranco API reading of the running day is dated at the fetch: read a new day at once.
      const latest = Math.max(
        +publishedAt(sim.scenario, simulated, t),
        simulated === "tranco" ? +startOfUtcDay(t) : 0,
      );
      if (latest === published) continue;
      published = latest;
      const readings = readSource(source, simulated, sim, domains, t);
      samples += (await recordRankReadings(db, source.key, readings, { now })).inserted;
    }
  }
  return { samples, sources };
}
