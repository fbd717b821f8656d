// GET /api/rank's answer, and what the Rank page prefetches: the climb of every source for the
// service and its competitors, standings, countries, freshness, markers and outage windows.
import { z } from "zod";
import type { LoadedConfig } from "@/lib/config";
import type { Database } from "@/lib/database/client";
import { ValidationError } from "@/lib/errors";
import type {
  CountryRank,
  RankPageData,
  RankRange,
  RankSeries,
  RankSourceView,
  RankStanding,
} from "@/lib/rank/rank-page-types";
import { countryName } from "@/lib/rank/country-name";
import { getOutagesBetween } from "@/lib/uptime/outages-between";
import { formatIssues } from "@/lib/validation";
import { fitRankRange, rankRangeSpans } from "./fit-rank-range";
import { getRankStandings, type StandingRow } from "./get-rank-standings";
import { placesGained, toRankPoint, type RankRow } from "./rank-rows";

/** An empty page's range, before any sample gives an extent to fit. */
const DEFAULT_RANK_RANGE: RankRange = "30d";

const paramsSchema = z.object({ range: z.enum(["7d", "30d", "90d", "all"]).optional() });

/**
 * The range asked for in the query string (none: fitted to the data); anything else is a 422
 * naming the parameter.
 */
export function parseRankParams(search: URLSearchParams): { range?: RankRange } {
  const parsed = paramsSchema.safeParse(Object.fromEntries(search));
  if (!parsed.success) throw new ValidationError(formatIssues(parsed.error.issues));
  return parsed.data;
}

/**
 * The chart's span: the range (fitted to the data when not asked for) back from the newest global
 * sample of any tracked site, never before the first.
 */
async function resolveSpan(db: Database, asked: RankRange | undefined) {
  const [row] = await db.$queryRaw<{ first: Date | null; last: Date | null }[]>`
    SELECT min(at) AS first, max(at) AS last FROM rank_sample WHERE scope = 'global'`;
  if (!row?.last || !row.first) return null;
  const range = asked ?? fitRankRange(row.first, row.last);
  const from = range === "all" ? row.first : new Date(row.last.getTime() - rankRangeSpans[range]);
  return { range, from: from < row.first ? row.first : from, to: row.last };
}

type SeriesRow = RankRow & { source: string; domain: string; is_service: boolean };

async function getSeries(db: Database, from: Date, to: Date): Promise<RankSeries[]> {
  const rows = await db.$queryRaw<SeriesRow[]>`
    SELECT r.source, s.domain, s.is_service, r.at, r.kind::text AS kind, r.rank, r.bucket_min, r.bucket_max
    FROM rank_sample r JOIN site s ON s.id = r.site_id
    WHERE r.scope = 'global' AND r.at >= ${from} AND r.at <= ${to}
    ORDER BY s.is_service DESC, s.domain, r.source, r.at`;
  const series = new Map<string, RankSeries>();
  for (const row of rows) {
    const id = `${row.source}\u0000${row.domain}`;
    let entry = series.get(id);
    if (!entry) {
      entry = { source: row.source, domain: row.domain, isService: row.is_service, points: [] };
      series.set(id, entry);
    }
    entry.points.push(toRankPoint(row));
  }
  return [...series.values()];
}

function bestOf(row: StandingRow) {
  return row.best_rank !== null && row.best_at
    ? { rank: row.best_rank, at: row.best_at.toISOString() }
    : null;
}

function toStanding(row: StandingRow): RankStanding {
  return {
    source: row.source,
    latest: toRankPoint(row),
    best: bestOf(row),
    change24h: placesGained(row.rank_24h, row.rank),
    change7d: placesGained(row.rank_7d, row.rank),
  };
}

function toCountry(row: StandingRow): CountryRank {
  return {
    scope: row.scope,
    country: countryName(row.scope),
    source: row.source,
    latest: toRankPoint(row),
    change7d: placesGained(row.rank_7d, row.rank),
    best: bestOf(row),
  };
}

/** Each configured source's freshness: its newest sample and its part of the last run. */
async function getSources(db: Database, config: LoadedConfig): Promise<RankSourceView[]> {
  const latest = await db.$queryRaw<{ source: string; at: Date }[]>`
    SELECT r.source, max(r.at) AS at FROM rank_sample r JOIN site s ON s.id = r.site_id
    WHERE s.is_service GROUP BY r.source`;
  const [run] = await db.$queryRaw<{ started_at: Date; error: string | null }[]>`
    SELECT started_at, error FROM job_run WHERE job = 'ingest-ranks' AND outcome <> 'running'
    ORDER BY started_at DESC LIMIT 1`;
  const latestBySource = new Map(latest.map((row) => [row.source, row.at]));
  const errorLines = run?.error?.split("\n") ?? [];
  return config.sources.ranks.map((source) => ({
    key: source.key,
    name: source.name ?? source.key,
    kind: source.kind,
    latestSampleAt: latestBySource.get(source.key)?.toISOString() ?? null,
    lastRunAt: run?.started_at.toISOString() ?? null,
    lastError: errorLines.find((line) => line.startsWith(`${source.key}: `)) ?? null,
  }));
}

async function getMarkers(db: Database, from: Date, to: Date) {
  const rows = await db.$queryRaw<{ met_at: Date; label: string | null; source: string | null }[]>`
    SELECT m.met_at, m.details->>'label' AS label, m.details->>'source' AS source
    FROM milestone m LEFT JOIN site s ON s.id = m.site_id
    WHERE m.rule IN ('rank', 'best-rank', 'country-first') AND coalesce(s.is_service, true)
      AND m.met_at >= ${from} AND m.met_at <= ${to}
    ORDER BY m.met_at`;
  return rows.map((row) => ({
    at: row.met_at.toISOString(),
    label: row.label ?? "milestone",
    source: row.source,
  }));
}

export async function readRankPage(
  db: Database,
  config: LoadedConfig,
  search: URLSearchParams,
): Promise<RankPageData> {
  const { range: asked } = parseRankParams(search);
  const [span, standings, sources] = await Promise.all([
    resolveSpan(db, asked),
    getRankStandings(db, { globalOnly: false }),
    getSources(db, config),
  ]);
  const [series, markers, outages] = span
    ? await Promise.all([
        getSeries(db, span.from, span.to),
        getMarkers(db, span.from, span.to),
        getOutagesBetween(db, span.from, span.to),
      ])
    : [[], [], []];
  return {
    generatedAt: new Date().toISOString(),
    timezone: config.timezone,
    range: span?.range ?? asked ?? DEFAULT_RANK_RANGE,
    fitted: asked === undefined,
    from: span?.from.toISOString() ?? null,
    to: span?.to.toISOString() ?? null,
    service: { name: config.service.name, domain: config.service.domain },
    competitors: config.competitors.map(({ name, domain }) => ({ name, domain })),
    sources,
    series,
    standings: standings.filter((row) => row.scope === "global").map(toStanding),
    countries: standings
      .filter((row) => row.scope !== "global")
      .map(toCountry)
      .sort((a, b) => a.country.localeCompare(b.country) || a.source.localeCompare(b.source)),
    markers,
    outages: outages.map((o) => ({
      from: o.startedAt.toISOString(),
      to: o.endedAt?.toISOString() ?? null,
      label: o.label,
    })),
  };
}
