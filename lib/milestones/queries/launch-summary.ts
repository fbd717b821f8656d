// What the first day or week since launch came to: the metric's gain (a counter's reset-aware
// increases; a gauge's change) and its value at the end, the service's best exact global rank
// from any source, and uptime over every monitor's minute rollups.
import type { LoadedConfig } from "@/lib/config";
import type { Database } from "@/lib/database/client";
import type { LaunchSummary } from "../time-rules";

/** The launch: the configured moment when there is one, else the first metric sample. */
export async function readLaunchTime(db: Database, config: LoadedConfig): Promise<Date | null> {
  if (config.service.launchedAt) return config.service.launchedAt;
  const [row] = await db.$queryRaw<{ at: Date | null }[]>`SELECT min(at) AS at FROM metric_sample`;
  return row?.at ?? null;
}

export async function readLaunchSummary(
  db: Database,
  config: LoadedConfig,
  metric: { key: string; name: string },
  window: { from: Date; to: Date },
): Promise<LaunchSummary> {
  const { from, to } = window;
  const [growth] = await db.$queryRaw<{ gained: number | null; total: number | null }[]>`
    SELECT CASE WHEN m.kind = 'counter'
             THEN (SELECT coalesce(sum(increase), 0) FROM metric_sample
                   WHERE metric_id = m.id AND at > ${from} AND at <= ${to})
             ELSE last.value - coalesce(
                   (SELECT value FROM metric_sample WHERE metric_id = m.id AND at <= ${from} ORDER BY at DESC LIMIT 1),
                   (SELECT value FROM metric_sample WHERE metric_id = m.id AND at >= ${from} ORDER BY at LIMIT 1))
           END AS gained,
           last.value AS total
    FROM metric m
    LEFT JOIN LATERAL (SELECT value FROM metric_sample WHERE metric_id = m.id AND at <= ${to}
                       ORDER BY at DESC LIMIT 1) AS last ON true
    WHERE m.key = ${metric.key}`;
  const [best] = await db.$queryRaw<{ rank: number; source: string }[]>`
    SELECT r.rank, r.source FROM rank_sample r JOIN site s ON s.id = r.site_id
    WHERE s.domain = ${config.service.domain} AND r.scope = 'global' AND r.kind = 'exact'
      AND r.at >= ${from} AND r.at < ${to}
    ORDER BY r.rank, r.at LIMIT 1`;
  const [uptime] = await db.$queryRaw<{ share: number | null }[]>`
    SELECT sum(ok_count + degraded_count)::float8
             / nullif(sum(ok_count + degraded_count + failed_count), 0) AS share
    FROM check_rollup WHERE bucket = 'minute' AND start >= ${from} AND start < ${to}`;
  const sourceNames = new Map(config.sources.ranks.map((s) => [s.key, s.name ?? s.key]));
  return {
    metric: metric.key,
    metricName: metric.name,
    gained: growth?.gained ?? 0,
    total: growth?.total ?? null,
    bestRank: best
      ? { rank: best.rank, sourceName: sourceNames.get(best.source) ?? best.source }
      : null,
    uptime: uptime?.share ?? null,
  };
}
