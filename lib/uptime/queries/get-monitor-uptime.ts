// Each enabled monitor with its latest check and its uptime over 24 h, 7 d and 30 d. Uptime is
// the share of checks up or degraded, summed from hour rollups (at most 720 rows a monitor), never
// from raw checks; the latest check is one index look-up per monitor.
import type { Database } from "@/lib/database/client";
import { checkStatusName } from "../check-status";
import type { MonitorUptime } from "./uptime-page-types";

const HOUR = 3_600_000;

type Row = {
  id: number;
  key: string;
  name: string;
  type: MonitorUptime["type"];
  target: string;
  interval_seconds: number;
  component_key: string | null;
  component_name: string | null;
  last_status: number | null;
  last_at: Date | null;
  uptime_24h: number | null;
  uptime_7d: number | null;
  uptime_30d: number | null;
};

export type MonitorBase = Omit<MonitorUptime, "latency" | "recentFailures"> & { id: number };

/** Hour buckets that start in the window's first hour count whole: the window is hour-aligned. */
function since(now: Date, hours: number): Date {
  return new Date(Math.floor((now.getTime() - hours * HOUR) / HOUR) * HOUR);
}

export async function getMonitorUptime(db: Database, now: Date): Promise<MonitorBase[]> {
  const [d1, d7, d30] = [since(now, 24), since(now, 7 * 24), since(now, 30 * 24)];
  const rows = await db.$queryRaw<Row[]>`
    SELECT m.id, m.key, m.name, m.type::text AS type, m.target, m.interval_seconds,
           c.key AS component_key, c.name AS component_name,
           last.status AS last_status, last.at AS last_at,
           u.uptime_24h, u.uptime_7d, u.uptime_30d
    FROM monitor m
    LEFT JOIN component c ON c.id = m.component_id
    LEFT JOIN LATERAL (
      SELECT k.status, k.at FROM "check" k WHERE k.monitor_id = m.id ORDER BY k.at DESC LIMIT 1
    ) last ON true
    LEFT JOIN LATERAL (
      SELECT
        (sum(r.ok_count + r.degraded_count) FILTER (WHERE r.start >= ${d1}))::float8
          / nullif(sum(r.ok_count + r.degraded_count + r.failed_count) FILTER (WHERE r.start >= ${d1}), 0) AS uptime_24h,
        (sum(r.ok_count + r.degraded_count) FILTER (WHERE r.start >= ${d7}))::float8
          / nullif(sum(r.ok_count + r.degraded_count + r.failed_count) FILTER (WHERE r.start >= ${d7}), 0) AS uptime_7d,
        sum(r.ok_count + r.degraded_count)::float8
          / nullif(sum(r.ok_count + r.degraded_count + r.failed_count), 0) AS uptime_30d
      FROM check_rollup r
      WHERE r.monitor_id = m.id AND r.bucket = 'hour' AND r.start >= ${d30} AND r.start <= ${now}
    ) u ON true
    WHERE m.enabled
    ORDER BY c.position NULLS LAST, m.name, m.key`;
  return rows.map((row) => ({
    id: row.id,
    key: row.key,
    name: row.name,
    type: row.type,
    target: row.target,
    intervalSeconds: row.interval_seconds,
    component:
      row.component_key && row.component_name
        ? { key: row.component_key, name: row.component_name }
        : null,
    status: row.last_status === null ? "unknown" : checkStatusName(row.last_status),
    lastCheckAt: row.last_at?.toISOString() ?? null,
    uptime: { "24h": row.uptime_24h, "7d": row.uptime_7d, "30d": row.uptime_30d },
  }));
}
