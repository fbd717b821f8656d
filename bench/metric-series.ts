// Reading a year: 20 metrics with a sample every minute for a year (~10.5 million rows), then the
// series query for ranges from an hour to the whole year, p95 over many requests, against a
// naive read of the raw samples aggregated in JavaScript, measured in the same run.
import pg from "pg";
import { createDatabase } from "@/lib/database/client";
import { applyMigrations } from "@/lib/database/migrate";
import { getMetricSeries } from "@/lib/growth/queries/get-metric-series";
import { refreshDerived } from "@/lib/growth/record-samples";
import { type BucketUnit, bucketStart } from "@/lib/time/zone";

const metrics = 20;
const start = new Date("2025-01-01T00:00:00Z");
const end = new Date("2026-01-01T00:00:00Z");
const ranges: { span: number; unit: BucketUnit }[] = [
  { span: 3_600_000, unit: "minute" },
  { span: 86_400_000, unit: "hour" },
  { span: 7 * 86_400_000, unit: "hour" },
  { span: 30 * 86_400_000, unit: "day" },
  { span: 365 * 86_400_000, unit: "day" },
];

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length * 0.95)] ?? Number.NaN;
}

/** The naive way: every raw sample of the range to JavaScript, bucketed there. */
async function naiveSeries(
  client: pg.Client,
  metricId: number,
  from: Date,
  to: Date,
  unit: BucketUnit,
) {
  const { rows } = await client.query<{ at: Date; increase: number }>(
    "SELECT at, increase FROM metric_sample WHERE metric_id = $1 AND at >= $2 AND at < $3 ORDER BY at",
    [metricId, from, to],
  );
  const buckets = new Map<number, number>();
  for (const row of rows) {
    const key = bucketStart(row.at, unit, "Pacific/Auckland").getTime();
    buckets.set(key, (buckets.get(key) ?? 0) + row.increase);
  }
  return buckets;
}

export async function measureMetricSeries(url: string, log: (line: string) => void) {
  await applyMigrations(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const db = createDatabase(url, { max: 4 });
  try {
    log(`  generating ${metrics} metrics x a year of minutes...`);
    await client.query(
      `INSERT INTO metric (key, name, kind, source) SELECT 'metric_' || n, 'Metric ' || n, 'counter', 'bench' FROM generate_series(1, $1) n`,
      [metrics],
    );
    await client.query("ALTER TABLE metric_sample SET UNLOGGED");
    await client.query(
      `INSERT INTO metric_sample (metric_id, at, value)
       SELECT m.id, t, (extract(epoch FROM t - $1::timestamptz) / 60)::bigint * m.id
       FROM metric m, generate_series($1::timestamptz, $2::timestamptz - interval '1 minute', interval '1 minute') t`,
      [start, end],
    );
    await client.query("ANALYZE metric_sample");
    log("  computing increases and rollups...");
    for (let id = 1; id <= metrics; id++) await refreshDerived(db, id, "counter", start, end);
    await client.query("ANALYZE metric_rollup");
    const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM metric_sample");
    const rowCount = Number(rows[0]?.n);

    const ours: number[] = [];
    const naive: number[] = [];
    for (let i = 0; i < 200; i++) {
      const range = ranges[i % ranges.length]!;
      const metricId = 1 + (i % metrics);
      // Spread the ranges over the year; the year-long range has no room to move.
      const slack = Math.max(1, end.getTime() - start.getTime() - range.span);
      const to = new Date(end.getTime() - ((i * 7_919_000) % slack));
      const from = new Date(Math.max(start.getTime(), to.getTime() - range.span));
      let t = performance.now();
      await getMetricSeries(db, {
        metric: `metric_${metricId}`,
        from,
        to,
        unit: range.unit,
        timeZone: "Pacific/Auckland",
      });
      ours.push(performance.now() - t);
      if (i < 40) {
        t = performance.now();
        await naiveSeries(client, metricId, from, to, range.unit);
        naive.push(performance.now() - t);
      }
    }
    return { rows: rowCount, p95Ms: p95(ours), naiveP95Ms: p95(naive) };
  } finally {
    await db.$disconnect();
    await client.end();
  }
}
