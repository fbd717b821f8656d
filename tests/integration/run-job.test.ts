// The wrapper every run goes through, against a real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runJob, type RunDeps } from "@/jobs/run-job";
import type { Job } from "@/jobs/types";
import { parseConfig } from "@/lib/config";
import { captureLogger } from "../support/logger";
import { createTestDatabase, type TestDatabase } from "../support/database";

let database: TestDatabase;
let deps: RunDeps;
const settings = { schedule: "* * * * * *", timeout: 300, jitter: 0, enabled: true };
const config = parseConfig("service: { name: S, domain: s.test }", "test.yaml");

beforeAll(async () => {
  database = await createTestDatabase();
  deps = { db: database.db, databaseUrl: database.url, config, log: captureLogger().log };
});
afterAll(() => database?.drop());

function job(run: Job["run"]): Job {
  return { name: "ingest-metrics", run };
}

async function runRow(id: bigint | null) {
  if (id === null) throw new Error("no run recorded");
  return database.db.jobRun.findUniqueOrThrow({ where: { id } });
}

describe("runJob", () => {
  it("records a successful run with its counts", async () => {
    const result = await runJob(
      job(async ({ count }) => {
        count("samples", 3);
        count("samples");
      }),
      deps,
      { trigger: "cli", settings },
    );
    expect(result.outcome).toBe("success");
    const row = await runRow(result.runId);
    expect(row).toMatchObject({
      job: "ingest-metrics",
      trigger: "cli",
      outcome: "success",
      error: null,
      counts: { samples: 4 },
    });
    expect(row.endedAt!.getTime()).toBeGreaterThanOrEqual(row.startedAt.getTime());
  });

  it("records a job that throws as failed, with its error", async () => {
    const result = await runJob(
      job(async () => {
        throw new Error("source answered HTTP 503");
      }),
      deps,
      { trigger: "cli", settings },
    );
    expect(result.outcome).toBe("failed");
    expect((await runRow(result.runId)).error).toBe("source answered HTTP 503");
  });

  it("records a job that hangs as timed out, and the next run goes ahead", async () => {
    let sawAbort = false;
    const hanging = job(
      ({ signal }) =>
        new Promise<void>(() =>
          signal.addEventListener("abort", () => {
            sawAbort = true;
          }),
        ),
    );
    const result = await runJob(hanging, deps, { trigger: "cli", settings });
    expect(result.outcome).toBe("timeout");
    expect(sawAbort).toBe(true);
    expect((await runRow(result.runId)).error).toMatch(/timed out after 300 ms/);
    const next = await runJob(
      job(async () => undefined),
      deps,
      { trigger: "cli", settings },
    );
    expect(next.outcome).toBe("success");
  });

  it("runs each scheduled tick once", async () => {
    const slot = new Date("2026-01-20T00:00:05Z");
    const first = await runJob(
      job(async () => undefined),
      deps,
      { trigger: "schedule", slot, settings },
    );
    const again = await runJob(
      job(async () => undefined),
      deps,
      { trigger: "schedule", slot, settings },
    );
    expect(first.outcome).toBe("success");
    expect(again).toMatchObject({ outcome: "skipped", error: "this tick already ran" });
    expect(await database.db.jobRun.count({ where: { slot } })).toBe(1);
  });

  it("never overlaps a job with its own previous run", async () => {
    let release!: () => void;
    const slow = job(
      () =>
        new Promise<void>((resolve) => {
          release = resolve;
        }),
    );
    const first = runJob(
      slow,
      { ...deps },
      { trigger: "cli", settings: { ...settings, timeout: 10_000 } },
    );
    await expect.poll(() => database.db.jobRun.count({ where: { outcome: "running" } })).toBe(1);
    const second = await runJob(
      job(async () => undefined),
      deps,
      { trigger: "cli", settings },
    );
    expect(second.outcome).toBe("skipped");
    release();
    expect((await first).outcome).toBe("success");
  });
});
