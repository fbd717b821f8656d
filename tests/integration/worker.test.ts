// The worker as real processes against a real PostgreSQL: two workers share the ticks, SIGTERM
// is clean, an unreachable database is retried with backoff and said plainly.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorker } from "@/jobs/worker";
import { parseConfig } from "@/lib/config";
import { waitForDatabase } from "@/lib/database/wait";
import { captureLogger } from "../support/logger";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { startCli } from "../support/processes";

let database: TestDatabase;
const dir = mkdtempSync(path.join(tmpdir(), "liftoff-worker-"));
const configFile = path.join(dir, "liftoff.config.yaml");
writeFileSync(
  configFile,
  `service: { name: Stashbox, domain: stashbox.test }
jobs:
  ingest-metrics: { schedule: "* * * * * *", jitter: 300ms, timeout: 5s }
  check-monitors: { schedule: "* * * * * *", jitter: 300ms, timeout: 5s }
`,
);

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.drop());

describe("two worker processes against one database", () => {
  it("run each scheduled tick once, and stop cleanly on SIGTERM", { timeout: 60_000 }, async () => {
    // At debug level each worker logs its schedules (info says only "worker ready").
    const env = { DATABASE_URL: database.url, LIFTOFF_CONFIG: configFile, LOG_LEVEL: "debug" };
    const workers = [startCli(["worker"], env), startCli(["worker"], env)];
    // Wait until both are scheduling and at least eight ticks of one job have run.
    await expect
      .poll(
        () => database.db.jobRun.count({ where: { job: "ingest-metrics", trigger: "schedule" } }),
        { timeout: 30_000, interval: 250 },
      )
      .toBeGreaterThanOrEqual(8);
    for (const w of workers) w.child.kill("SIGTERM");
    const codes = await Promise.all(workers.map((w) => w.exited));
    expect(codes, workers.map((w) => w.output()).join("\n---\n")).toEqual([0, 0]);

    const runs = await database.db.jobRun.findMany({
      where: { trigger: "schedule" },
      orderBy: { slot: "asc" },
    });
    for (const job of ["ingest-metrics", "check-monitors"]) {
      const slots = runs.filter((r) => r.job === job).map((r) => r.slot!.getTime());
      expect(new Set(slots).size, `${job}: one run per tick`).toBe(slots.length);
      // No tick lost between the first and the last (ticks are a second apart).
      const first = slots[0]!;
      const last = slots[slots.length - 1]!;
      expect(slots.length, `${job}: every tick from first to last`).toBe((last - first) / 1000 + 1);
    }
    // Clean shutdown: nothing left "running", nothing half done. A run the signal caught in the
    // middle is recorded as interrupted, the only way a run here may end other than in success.
    const unsuccessful = runs.filter((r) => r.outcome !== "success");
    expect(unsuccessful.map((r) => [r.outcome, r.error])).toEqual(
      unsuccessful.map(() => ["failed", "interrupted: the worker is shutting down"]),
    );
    // Both processes took part: each logged its schedules.
    for (const w of workers) expect(w.output()).toContain('"msg":"scheduled"');
  });
});

describe("shutdown in the middle of a batch", () => {
  it("leaves the batch either whole or absent, and records the run as interrupted", async () => {
    await database.db.$executeRawUnsafe("CREATE TABLE batch_probe (n int)");
    const { log } = captureLogger();
    const config = parseConfig(
      `service: { name: S, domain: s.test }
jobs: { ingest-metrics: { schedule: "* * * * * *", jitter: 0s, timeout: 20s }, check-monitors: { schedule: "0 0 1 1 *", enabled: false } }`,
      "t.yaml",
    );
    let inBatch!: () => void;
    const started = new Promise<void>((resolve) => (inBatch = resolve));
    const worker = await startWorker({
      config,
      databaseUrl: database.url,
      log,
      jobs: {
        "ingest-metrics": {
          name: "ingest-metrics",
          async run({ db, signal }) {
            // A batch of 50 rows in one transaction, slow enough to be interrupted.
            await db.$transaction(
              async (tx) => {
                for (let n = 0; n < 50; n++) {
                  await tx.$executeRaw`INSERT INTO batch_probe VALUES (${n})`;
                  if (n === 10) inBatch();
                  await tx.$executeRaw`SELECT pg_sleep(0.05)`;
                  signal.throwIfAborted();
                }
              },
              { timeout: 20_000 },
            );
          },
        },
      },
    });
    await started;
    await worker.stop();
    const [row] = await database.db.$queryRaw<
      { count: number }[]
    >`SELECT count(*)::int AS count FROM batch_probe`;
    const count = row?.count;
    expect([0, 50]).toContain(count);
    const run = await database.db.jobRun.findFirstOrThrow({
      where: { job: "ingest-metrics" },
      orderBy: { id: "desc" },
    });
    expect(run.outcome).toBe("failed");
    expect(run.error).toMatch(/shutting down/);
  });
});

describe("an unreachable database", () => {
  it("is retried with growing waits and a clear message, until stopped", async () => {
    const { log, lines } = captureLogger();
    const controller = new AbortController();
    const waiting = waitForDatabase("postgresql://liftoff@127.0.0.1:1/liftoff", log, {
      signal: controller.signal,
      minTimeout: 20,
      maxTimeout: 200,
    });
    await expect.poll(() => lines.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(4);
    controller.abort(new Error("stopped"));
    await expect(waiting).rejects.toThrow();
    expect(lines[0]!.msg).toMatch(
      /PostgreSQL at 127\.0\.0\.1:1\/liftoff is unreachable \(ECONNREFUSED\); attempt 1, retrying in/,
    );
    expect(lines[3]!.msg).toMatch(/attempt 4/);
  });

  it(
    "keeps the worker process alive and saying why, without crash-looping",
    { timeout: 30_000 },
    async () => {
      const worker = startCli(["worker"], {
        DATABASE_URL: "postgresql://liftoff@127.0.0.1:1/liftoff",
        LIFTOFF_CONFIG: configFile,
      });
      await expect
        .poll(() => worker.output().match(/is unreachable/g)?.length ?? 0, { timeout: 20_000 })
        .toBeGreaterThanOrEqual(2);
      expect(worker.child.exitCode).toBeNull();
      expect(worker.output()).not.toContain("password");
      worker.child.kill("SIGTERM");
      expect(await worker.exited).toBe(0);
      expect(worker.output()).toContain("worker stopped before it was ready");
    },
  );
});

describe("a worker with every job disabled", () => {
  it("stays up until it is told to stop", { timeout: 45_000 }, async () => {
    const idle = path.join(dir, "idle.yaml");
    writeFileSync(
      idle,
      `service: { name: S, domain: s.test }
jobs:
  ingest-metrics: { schedule: "* * * * *", enabled: false }
  check-monitors: { schedule: "* * * * *", enabled: false }
  ingest-ranks: { schedule: "* * * * *", enabled: false }
  prune-checks: { schedule: "* * * * *", enabled: false }
  send-posts: { schedule: "* * * * *", enabled: false }
`,
    );
    const name = "liftoff-idle-worker";
    const url = `${database.url}?application_name=${name}`;
    const worker = startCli(["worker"], { DATABASE_URL: url, LIFTOFF_CONFIG: idle });
    await worker.waitFor("worker ready, with every job disabled", 20_000);
    // Its idle database connections close after a while; then nothing but the wait for a signal
    // holds the process open.
    const connections = () =>
      database.db.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = ${name}`;
    await expect
      .poll(async () => (await connections())[0]!.n, { timeout: 25_000, interval: 200 })
      .toBe(0);
    expect(worker.child.exitCode).toBeNull();
    worker.child.kill("SIGTERM");
    expect(await worker.exited).toBe(0);
    // It was still there to hear the signal: it did not end on its own.
    expect(worker.output()).toContain("worker stopping");
  });
});

describe("a bad configuration file", () => {
  it("stops `npm start` with the key path and a non-zero exit, before anything starts", async () => {
    const bad = path.join(dir, "bad.yaml");
    writeFileSync(
      bad,
      "service: { name: S, domain: s.test }\nmonitors: [{ key: web, name: Web, type: http, url: nope }]\n",
    );
    const dataDir = path.join(dir, "never-created");
    const cli = startCli(["start"], {
      LIFTOFF_CONFIG: bad,
      LIFTOFF_DATA_DIR: dataDir,
      DATABASE_URL: "",
    });
    expect(await cli.exited).toBe(78); // EX_CONFIG: not a timeout's 2
    expect(cli.output()).toContain(
      'monitors[0].url: expected an http:// or https:// URL, found "nope"',
    );
    const { existsSync } = await import("node:fs");
    expect(existsSync(dataDir)).toBe(false);
  });
});
