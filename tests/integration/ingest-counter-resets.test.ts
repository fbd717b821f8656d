// Sources that restart, through the real ingest job: a counter that goes down never stops the
// ingest. Real HTTP servers stand in for the watched service; two of them expose Prometheus text
// with a process start time on a clock a year ahead of ours and a year behind it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestMetrics } from "@/jobs/ingest-metrics";
import { runJob, type RunDeps } from "@/jobs/run-job";
import { parseConfig } from "@/lib/config";
import { syncConfig } from "@/lib/setup/sync-config";
import { captureLogger } from "../support/logger";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { startHttpServer, type Handler } from "../support/http-server";

const yearMs = 365 * 24 * 3_600_000;
const now = Date.now();
/** What the fake service answers now; each step of the test changes it. */
const world = {
  users: 1_000, // http-json, no start time: a restart cannot be announced
  online: 300, // a gauge
  signups: 500, // Prometheus, clock a year ahead
  signupsStart: now + yearMs - 86_400_000,
  uploads: 900, // Prometheus, clock a year behind
  uploadsStart: now - yearMs - 86_400_000,
};

const exposition =
  (series: string, value: () => number, start: () => number): Handler =>
  (_req, res) => {
    res.writeHead(200, { "content-type": "text/plain; version=0.0.4" });
    res.end(
      `# TYPE ${series} counter\n${series} ${value()}\n` +
        `# TYPE process_start_time_seconds gauge\nprocess_start_time_seconds ${start() / 1000}\n`,
    );
  };
const number =
  (value: () => number): Handler =>
  (_req, res) =>
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ n: value() }));

let database: TestDatabase;
let source: Awaited<ReturnType<typeof startHttpServer>>;
let deps: RunDeps;

beforeAll(async () => {
  database = await createTestDatabase();
  source = await startHttpServer({
    "/users": number(() => world.users),
    "/online": number(() => world.online),
    "/ahead/metrics": exposition(
      "signups_total",
      () => world.signups,
      () => world.signupsStart,
    ),
    "/behind/metrics": exposition(
      "uploads_total",
      () => world.uploads,
      () => world.uploadsStart,
    ),
  });
  const config = parseConfig(
    `service: { name: Stashbox, domain: stashbox.test }
sources:
  metrics:
    - { kind: http-json, metric: users_total, name: Users, type: counter, url: "${source.url}/users", path: n }
    - { kind: http-json, metric: online_now, name: Online, type: gauge, url: "${source.url}/online", path: n }
    - { kind: prometheus, metric: signups, name: Signups, type: counter, url: "${source.url}/ahead/metrics", series: signups_total }
    - { kind: prometheus, metric: uploads, name: Uploads, type: counter, url: "${source.url}/behind/metrics", series: uploads_total }
`,
    "t.yaml",
  );
  deps = { db: database.db, databaseUrl: database.url, config, log: captureLogger().log };
  await syncConfig(database.db, config);
});
afterAll(async () => {
  await source?.close();
  await database?.drop();
});

const settings = { schedule: "* * * * * *", timeout: 10_000, jitter: 0, enabled: true };
const ingest = () => runJob(ingestMetrics, deps, { trigger: "cli", settings });

async function stored(metric: string) {
  const rows = await database.db.metricSample.findMany({
    where: { metric: { key: metric } },
    orderBy: { at: "asc" },
  });
  return rows.map((r) => [r.value, r.resetReason, r.increase]);
}

describe("ingesting counters that restart", () => {
  it("stores every reading through restarts, announced or not, and warns of the inferred ones", async () => {
    expect(await ingest()).toMatchObject({ outcome: "success", warnings: [] });
    Object.assign(world, { users: 1_500, online: 250, signups: 800, uploads: 950 });
    expect(await ingest()).toMatchObject({ outcome: "success", warnings: [] });

    // Everything restarts. The JSON source cannot say so; the Prometheus ones report a new start
    // time, each on its own clock (a year ahead of ours, a year behind it).
    Object.assign(world, {
      users: 40,
      online: 100,
      signups: 12,
      signupsStart: now + yearMs,
      uploads: 3,
      uploadsStart: now - yearMs,
    });
    const restart = await ingest();
    expect(restart).toMatchObject({
      outcome: "success",
      counts: { samples: 4, failed: 0, warnings: 1 },
      warnings: ["users_total: counter went down from 1500 to 40; counted as a reset (inferred)"],
    });
    const run = await database.db.jobRun.findUniqueOrThrow({ where: { id: restart.runId! } });
    expect(run.warnings).toEqual(restart.warnings);
    expect(run.error).toBeNull();

    // The ingest goes on: later readings are stored, counted from the new values.
    Object.assign(world, { users: 90, online: 120, signups: 30, uploads: 10 });
    expect(await ingest()).toMatchObject({ outcome: "success", warnings: [] });

    expect(await stored("users_total")).toEqual([
      [1_000, null, 0],
      [1_500, null, 500],
      [40, "inferred", 40],
      [90, null, 50],
    ]);
    expect(await stored("signups")).toEqual([
      [500, null, 0],
      [800, null, 300],
      [12, "restart", 12],
      [30, null, 18],
    ]);
    expect(await stored("uploads")).toEqual([
      [900, null, 0],
      [950, null, 50],
      [3, "restart", 3],
      [10, null, 7],
    ]);
    // A gauge that drops is a plain lower value.
    expect(await stored("online_now")).toEqual([
      [300, null, 0],
      [250, null, 0],
      [100, null, 0],
      [120, null, 0],
    ]);
    const metric = await database.db.metric.findUniqueOrThrow({ where: { key: "signups" } });
    expect(metric.processStartedAt).toEqual(new Date(Math.round(world.signupsStart)));
  });

  it("infers a reset when a Prometheus counter drops while its start time stays", async () => {
    world.signups = 7;
    const run = await ingest();
    expect(run).toMatchObject({
      outcome: "success",
      warnings: ["signups: counter went down from 30 to 7; counted as a reset (inferred)"],
    });
    expect((await stored("signups")).at(-1)).toEqual([7, "inferred", 7]);
  });
});
