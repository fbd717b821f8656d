// The Overview's numbers, from whatever has been ingested so far.
import "server-only";
import { getConfig } from "@/lib/config";
import { db, type Database } from "@/lib/db";
import { getRankStandings } from "@/lib/rank/queries/get-rank-standings";
import { placesGained } from "@/lib/rank/queries/rank-rows";
import { checkStatusName } from "@/lib/uptime/check-status";
import { getOutagesBetween } from "@/lib/uptime/outages-between";
import { getJobFreshness } from "./freshness";
import type { MonitorSummary, OverviewData, RankSummary } from "./types";

type UsersRow = {
  key: string;
  name: string;
  value: number;
  at: Date;
  value_24h: number | null;
  value_1h: number | null;
};

async function getUsers(database: Database) {
  // The users metric: users_total if present, else the first counter.
  const rows = await database.$queryRaw<UsersRow[]>`
    SELECT m.key, m.name, s.value, s.at,
      (SELECT value FROM metric_sample p WHERE p.metric_id = m.id AND p.at <= s.at - interval '24 hours' ORDER BY p.at DESC LIMIT 1) AS value_24h,
      (SELECT value FROM metric_sample p WHERE p.metric_id = m.id AND p.at <= s.at - interval '1 hour' ORDER BY p.at DESC LIMIT 1) AS value_1h
    FROM metric m
    CROSS JOIN LATERAL (SELECT value, at FROM metric_sample x WHERE x.metric_id = m.id ORDER BY at DESC LIMIT 1) s
    WHERE m.kind = 'counter'
    ORDER BY (m.key = 'users_total') DESC, m.id
    LIMIT 1`;
  return rows[0] ?? null;
}

async function getUsersSeries(database: Database, key: string) {
  // Five-minute buckets over the last 24 h of data, the last value in each.
  return database.$queryRaw<{ at: Date; value: number }[]>`
    WITH latest AS (SELECT max(at) AS at FROM metric_sample WHERE metric_id = (SELECT id FROM metric WHERE key = ${key}))
    SELECT date_bin('5 minutes', s.at, timestamptz '2000-01-01') AS at, max(s.value)::float8 AS value
    FROM metric_sample s, latest
    WHERE s.metric_id = (SELECT id FROM metric WHERE key = ${key}) AND s.at > latest.at - interval '24 hours'
    GROUP BY 1 ORDER BY 1`;
}

/** The service's newest global rank per source, with its change over 24 h and 7 d. */
async function getRanks(database: Database): Promise<RankSummary[]> {
  const rows = await getRankStandings(database, { globalOnly: true });
  return rows.map((r) => ({
    source: r.source,
    scope: r.scope,
    kind: r.kind,
    rank: r.rank,
    bucketMin: r.bucket_min,
    bucketMax: r.bucket_max,
    at: r.at.toISOString(),
    change24h: placesGained(r.rank_24h, r.rank),
    change7d: placesGained(r.rank_7d, r.rank),
  }));
}

async function getMonitors(database: Database): Promise<MonitorSummary[]> {
  const rows = await database.$queryRaw<
    {
      key: string;
      name: string;
      status: number | null;
      at: Date | null;
      latency_ms: number | null;
      uptime: number | null;
    }[]
  >`
    SELECT m.key, m.name, last.status::int AS status, last.at, last.latency_ms,
      (SELECT (count(*) FILTER (WHERE c.status < 2))::float8 / nullif(count(*), 0)
         FROM "check" c WHERE c.monitor_id = m.id AND c.at > now() - interval '24 hours') AS uptime
    FROM monitor m
    LEFT JOIN LATERAL (SELECT status, at, latency_ms FROM "check" c WHERE c.monitor_id = m.id ORDER BY at DESC LIMIT 1) last ON true
    WHERE m.enabled
    ORDER BY m.id`;
  return rows.map((r) => ({
    key: r.key,
    name: r.name,
    status: r.status === null ? "unknown" : checkStatusName(r.status),
    lastCheckAt: r.at?.toISOString() ?? null,
    latencyMs: r.latency_ms,
    uptime24h: r.uptime,
  }));
}

/** Outages overlapping the last 24 h before `end`, for the users chart. */
async function getOutages(database: Database, end: Date) {
  const outages = await getOutagesBetween(database, new Date(end.getTime() - 24 * 3_600_000), end);
  return outages.map((o) => ({
    from: o.startedAt.toISOString(),
    to: o.endedAt?.toISOString() ?? null,
    label: o.label,
  }));
}

export async function getOverview(): Promise<OverviewData> {
  const database = db();
  const config = getConfig();
  const [users, ranks, monitors, jobs] = await Promise.all([
    getUsers(database),
    getRanks(database),
    getMonitors(database),
    getJobFreshness(database),
  ]);
  const [series, outages] = await Promise.all([
    users ? getUsersSeries(database, users.key) : [],
    getOutages(database, users?.at ?? new Date()),
  ]);
  return {
    generatedAt: new Date().toISOString(),
    timezone: config.timezone,
    service: {
      name: config.service.name,
      domain: config.service.domain,
      url: config.service.url ?? null,
    },
    users: users
      ? {
          metric: users.key,
          name: users.name,
          total: users.value,
          at: users.at.toISOString(),
          change24h: users.value_24h === null ? null : users.value - users.value_24h,
        }
      : null,
    usersSeries: series.map((p) => ({ at: p.at.toISOString(), value: p.value })),
    signupsLastHour: users && users.value_1h !== null ? users.value - users.value_1h : null,
    outages,
    ranks,
    monitors,
    jobs,
  };
}
