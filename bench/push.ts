// Push ingest throughput: counter samples per second through POST /api/ingest/metrics served by a
// real HTTP server (auth, per-sample validation, the recorder's counter checks, increases and
// rollups), against the same rows written by one plain multi-row INSERT ... ON CONFLICT DO NOTHING
// per batch through pg (no validation, no rollups). The two run batch by batch, alternately, so
// both see the same table and the same machine. Alone: `npx tsx bench/push.ts`.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import pg from "pg";
import { parseConfig } from "@/lib/config";
import { createDatabase } from "@/lib/database/client";
import { applyMigrations } from "@/lib/database/migrate";
import { handleMetricPush } from "@/lib/growth/push";
import { syncConfig } from "@/lib/setup/sync-config";

const batches = 40;
const batchSize = 500;
const token = randomBytes(24).toString("hex");

/** Serves `handler` on 127.0.0.1, adapting node:http to Request/Response as Next does. */
async function serve(handler: (request: Request) => Promise<Response>) {
  const adapt = async (req: IncomingMessage, res: ServerResponse) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    const request = new Request(`http://127.0.0.1${req.url ?? "/"}`, {
      method: req.method,
      headers,
      body: Readable.toWeb(req) as ReadableStream<Uint8Array>,
      duplex: "half",
    } as RequestInit);
    const response = await handler(request);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  };
  const server = createServer((req, res) => {
    adapt(req, res).catch((error: unknown) => res.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/ingest/metrics`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type Sample = { at: number; value: number };

async function pushBatch(url: string, metric: string, batch: Sample[]): Promise<void> {
  const response = await fetch(url, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ samples: batch.map((s) => ({ metric, ...s })) }),
  });
  const answer = (await response.json()) as { accepted?: number };
  if (response.status !== 200 || answer.accepted !== batch.length) {
    throw new Error(`push answered ${response.status}: ${JSON.stringify(answer).slice(0, 300)}`);
  }
}

async function insertBatch(client: pg.Client, metricId: number, batch: Sample[]): Promise<void> {
  const rows = batch.map((_, i) => `($1, $${i * 2 + 2}, $${i * 2 + 3})`).join(", ");
  const values = batch.flatMap((s) => [new Date(s.at), s.value]);
  await client.query(
    `INSERT INTO metric_sample (metric_id, at, value) VALUES ${rows} ON CONFLICT DO NOTHING`,
    [metricId, ...values],
  );
}

export async function measurePush(
  databaseUrl: string,
): Promise<{ samplesPerSecond: number; baselineSamplesPerSecond: number }> {
  await applyMigrations(databaseUrl);
  const suffix = randomBytes(4).toString("hex");
  const [pushed, plain] = [`bench_push_${suffix}`, `bench_plain_${suffix}`];
  const config = parseConfig(
    `service: { name: Bench, domain: bench.test }
sources:
  push:
    - key: bench-${suffix}
      tokenEnv: BENCH_PUSH_TOKEN
      metrics:
        - { metric: ${pushed}, name: Pushed, type: counter }
        - { metric: ${plain}, name: Plain insert, type: counter }
`,
    "bench.yaml",
  );
  const db = createDatabase(databaseUrl, { max: 4 });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const server = await serve((request) =>
    handleMetricPush(request, {
      db,
      config,
      env: { NODE_ENV: "production", BENCH_PUSH_TOKEN: token },
    }),
  );
  try {
    await syncConfig(db, config);
    const { rows } = await client.query<{ id: number }>("SELECT id FROM metric WHERE key = $1", [
      plain,
    ]);
    const plainId = rows[0]?.id;
    if (plainId === undefined) throw new Error(`syncConfig did not create metric ${plain}`);
    // One second apart, ending a minute ago: a counter climbing by 0 to 4 a second.
    const total = batches * batchSize;
    const start = Math.floor(Date.now() / 1000) * 1000 - (total + 60) * 1000;
    let pushMs = 0;
    let plainMs = 0;
    let value = 0;
    for (let b = 0; b < batches; b++) {
      const batch = Array.from({ length: batchSize }, (_, i) => ({
        at: start + (b * batchSize + i) * 1000,
        value: (value += (b * batchSize + i) % 5),
      }));
      let started = performance.now();
      await pushBatch(server.url, pushed, batch);
      pushMs += performance.now() - started;
      started = performance.now();
      await insertBatch(client, plainId, batch);
      plainMs += performance.now() - started;
    }
    return {
      samplesPerSecond: total / (pushMs / 1000),
      baselineSamplesPerSecond: total / (plainMs / 1000),
    };
  } finally {
    await server.close();
    await client.query("DELETE FROM metric WHERE key = ANY($1)", [[pushed, plain]]);
    await client.end();
    await db.$disconnect();
  }
}

/** `npx tsx bench/push.ts`: on a scratch database of BENCH_DATABASE_ADMIN_URL's server. */
