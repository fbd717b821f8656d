// How lean the checks table is: bytes per row (table + indexes) for a million checks, against a
// "naive" checks table (surrogate bigint key, text status, a jsonb blob) filled the same way.
import pg from "pg";
import { applyMigrations } from "@/lib/database/migrate";

const rows = 1_000_000;

async function size(client: pg.Client, table: string): Promise<number> {
  const { rows: out } = await client.query<{ bytes: string }>(
    "SELECT pg_total_relation_size($1::regclass) AS bytes",
    [table],
  );
  return Number(out[0]?.bytes);
}

export async function measureCheckTable(
  url: string,
): Promise<{ leanBytesPerRow: number; naiveBytesPerRow: number }> {
  await applyMigrations(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO monitor (key, name, type, target, interval_seconds) VALUES ('web', 'Web', 'http', 'http://x/', 10)`,
    );
    // Ten-second checks of one monitor, 1 in 50 failed with a short error, as the worker writes them.
    await client.query(
      `INSERT INTO "check" (monitor_id, at, status, latency_ms, http_status, error)
       SELECT 1, timestamptz '2026-01-01' + n * interval '10 seconds',
              CASE WHEN n % 50 = 0 THEN 2 ELSE 0 END, 40 + n % 200,
              CASE WHEN n % 50 = 0 THEN 503 ELSE 200 END,
              CASE WHEN n % 50 = 0 THEN 'unexpected HTTP 503' END
       FROM generate_series(1, $1) AS n`,
      [rows],
    );
    await client.query(
      `CREATE TABLE naive_check (id bigserial PRIMARY KEY, monitor_id int, at timestamptz, status text, latency_ms int, http_status int, error text, meta jsonb);
       CREATE INDEX ON naive_check (monitor_id, at)`,
    );
    await client.query(
      `INSERT INTO naive_check (monitor_id, at, status, latency_ms, http_status, error, meta)
       SELECT monitor_id, at, CASE status WHEN 0 THEN 'up' WHEN 1 THEN 'degraded' ELSE 'down' END, latency_ms, http_status, error,
              jsonb_build_object('region', 'local', 'attempt', 1)
       FROM "check"`,
    );
    await client.query(`VACUUM ANALYZE "check"`);
    await client.query("VACUUM ANALYZE naive_check");
    return {
      leanBytesPerRow: (await size(client, '"check"')) / rows,
      naiveBytesPerRow: (await size(client, "naive_check")) / rows,
    };
  } finally {
    await client.end();
  }
}
