// What the checks say about the last hour and the last day: the share that succeeded (up or
// degraded) in the last hour, and response time per hour over 24 hours. An hour with check
// rollups is read from them (the request-weighted mean of each monitor's percentiles, an
// approximation); an hour without, from its raw checks (exact percentiles across monitors).
// Every query goes monitor by monitor (LATERAL), so it walks the (monitor, time) keys of checks
// and rollups instead of scanning the tables.
import type { Database } from "@/lib/database/client";
import type { StatusSnapshot } from "./status-types";

const hourMs = 3_600_000;

type HourRow = { at: Date; p50: number | null; p95: number | null };

export async function readLastHour(db: Database, now: Date): Promise<StatusSnapshot["lastHour"]> {
  const [row] = await db.$queryRaw<{ checks: number; succeeded: number }[]>`
    SELECT coalesce(sum(l.checks), 0)::int AS checks, coalesce(sum(l.succeeded), 0)::int AS succeeded
    FROM monitor m CROSS JOIN LATERAL (
      SELECT count(*) AS checks, count(*) FILTER (WHERE c.status <= 1) AS succeeded
      FROM "check" c
      WHERE c.monitor_id = m.id AND c.at > ${new Date(now.getTime() - hourMs)} AND c.at <= ${now}) l`;
  const checks = row?.checks ?? 0;
  return { checks, successRate: checks > 0 ? row!.succeeded / checks : null };
}

export async function readResponseTimes(
  db: Database,
  now: Date,
): Promise<StatusSnapshot["responseTimes"]> {
  const to = new Date(Math.floor(now.getTime() / hourMs) * hourMs + hourMs);
  const from = new Date(to.getTime() - 24 * hourMs);
  const rollups = await db.$queryRaw<HourRow[]>`
    SELECT r.start AS at,
           sum(r.latency_p50::float8 * r.n) / nullif(sum(r.n) FILTER (WHERE r.latency_p50 IS NOT NULL), 0) AS p50,
           sum(r.latency_p95::float8 * r.n) / nullif(sum(r.n) FILTER (WHERE r.latency_p95 IS NOT NULL), 0) AS p95
    FROM monitor m CROSS JOIN LATERAL (
      SELECT start, latency_p50, latency_p95, ok_count + degraded_count + failed_count AS n
      FROM check_rollup
      WHERE monitor_id = m.id AND bucket = 'hour' AND start >= ${from} AND start < ${to}) r
    GROUP BY r.start`;
  const raw = await db.$queryRaw<HourRow[]>`
    SELECT date_bin('1 hour', c.at, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS at,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY c.latency_ms)::float8 AS p50,
           percentile_cont(0.95) WITHIN GROUP (ORDER BY c.latency_ms)::float8 AS p95
    FROM monitor m CROSS JOIN LATERAL (
      SELECT at, latency_ms FROM "check"
      WHERE monitor_id = m.id AND at >= ${from} AND at < ${to} AND at <= ${now}
        AND latency_ms IS NOT NULL) c
    GROUP BY 1`;
  const byHour = new Map<number, HourRow>();
  for (const row of raw) byHour.set(row.at.getTime(), row);
  for (const row of rollups)
    if (row.p50 !== null || row.p95 !== null) byHour.set(row.at.getTime(), row);
  const round = (ms: number | null | undefined) => (ms == null ? null : Math.round(ms));
  return Array.from({ length: 24 }, (_, i) => {
    const at = from.getTime() + i * hourMs;
    const row = byHour.get(at);
    return { at: new Date(at).toISOString(), p50: round(row?.p50), p95: round(row?.p95) };
  });
}
