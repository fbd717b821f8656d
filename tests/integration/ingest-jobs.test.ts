// The foundation's two jobs end to end: a real HTTP source, the wrapper, the real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkMonitors } from "@/jobs/check-monitors";
import { ingestMetrics } from "@/jobs/ingest-metrics";
import { runJob, type RunDeps } from "@/jobs/run-job";
import { parseConfig } from "@/lib/config";
import { syncConfig } from "@/lib/setup/sync-config";
import { captureLogger } from "../support/logger";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { json, startHttpServer, text } from "../support/http-server";

let database: TestDatabase;
let source: Awaited<ReturnType<typeof startHttpServer>>;
let deps: RunDeps;

beforeAll(async () => {
  database = await createTestDatabase();
  source = await startHttpServer({
    "/api/stats": json({ users: { total: 1234 } }),
    "/": text("<h1>Stashbox</h1>"),
  });
  const config = parseConfig(
    `service: { name: Stashbox, domain: stashbox.test }
sources:
  metrics:
    - { kind: http-json, metric: users_total, name: Users, type: counter, url: "${source.url}/api/stats", path: users.total, timeout: 500ms }
monitors:
  - { key: web, name: Web, type: http, url: "${source.url}/", keyword: Stashbox, interval: 10s, timeout: 500ms }
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

const settings = { schedule: "* * * * * *", timeout: 5_000, jitter: 0, enabled: true };
const samples = () => database.db.metricSample.findMany({ orderBy: { at: "asc" } });

describe("ingest-metrics", () => {
  it("stores the number found at the configured path", async () => {
    const result = await runJob(ingestMetrics, deps, { trigger: "cli", settings });
    expect(result).toMatchObject({ outcome: "success", counts: { samples: 1, failed: 0 } });
    expect((await samples()).map((s) => s.value)).toEqual([1234]);
  });

  it.each([
    [
      "an answer that is not JSON",
      text("<html>oops</html>"),
      /metric users_total: answer is not JSON/,
    ],
    ["a missing path", json({ users: {} }), /no value at "users.total"/],
    [
      "a value that is not a number",
      json({ users: { total: "lots" } }),
      /not a finite number: "lots"/,
    ],
    ["an error status", json({ error: "down" }, 503), /answered HTTP 503/],
    [
      "a source slower than its timeout",
      (_req: unknown, res: { end: (b: string) => void }) => setTimeout(() => res.end("{}"), 1_500),
      /no answer from .* within 500 ms/,
    ],
  ])("records %s as a failed run and keeps what was stored", async (_name, handler, error) => {
    const before = await samples();
    source.routes["/api/stats"] = handler as never;
    const result = await runJob(ingestMetrics, deps, { trigger: "cli", settings });
    expect(result.outcome).toBe("failed");
    expect(result.error).toMatch(error);
    const run = await database.db.jobRun.findUniqueOrThrow({ where: { id: result.runId! } });
    expect(run.error).toMatch(error);
    expect(await samples()).toEqual(before);
  });
});

describe("check-monitors", () => {
  it("stores an up check, then a down check when the keyword disappears", async () => {
    source.routes["/"] = text("<h1>Stashbox</h1>");
    expect((await runJob(checkMonitors, deps, { trigger: "cli", settings })).counts).toMatchObject({
      checks_up: 1,
    });
    // Not due again until its interval has passed.
    expect((await runJob(checkMonitors, deps, { trigger: "cli", settings })).counts).toEqual({
      failed: 0,
    });
    await database.db.$executeRaw`UPDATE "check" SET at = at - interval '1 minute'`;
    source.routes["/"] = text("<h1>Server overloaded</h1>", 200);
    expect((await runJob(checkMonitors, deps, { trigger: "cli", settings })).counts).toMatchObject({
      checks_down: 1,
    });
    const checks = await database.db.check.findMany({ orderBy: { at: "asc" } });
    expect(checks.map((c) => [c.status, c.httpStatus, c.error])).toEqual([
      [0, 200, null],
      [2, 200, 'keyword "Stashbox" is missing'],
    ]);
  });
});
