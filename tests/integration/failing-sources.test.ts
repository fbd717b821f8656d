// A failing source fails fast and names itself: rank and metric sources that rate-limit for an
// hour, hang, loop on redirects or carry secrets in their URLs, served by a local HTTP server and
// read through the real jobs into a real PostgreSQL, beside sources that answer and are stored.
import { strToU8, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestMetrics } from "@/jobs/ingest-metrics";
import { ingestRanks } from "@/jobs/ingest-ranks";
import { runJob, type RunDeps } from "@/jobs/run-job";
import { parseConfig, type LoadedConfig } from "@/lib/config";
import { syncConfig } from "@/lib/setup/sync-config";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { type Handler, json, startHttpServer, text } from "../support/http-server";
import { captureLogger } from "../support/logger";

let database: TestDatabase;
let server: Awaited<ReturnType<typeof startHttpServer>>;
let config: LoadedConfig;

/** The job's budget: far longer than any source's own timeout, so only the sources end it. */
const settings = { schedule: "* * * * * *", timeout: 120_000, jitter: 0, enabled: true };
/** The hanging sources' own timeout, and the bound each run must end within: a few times it. */
const hangMs = 1_000;
const boundMs = 10 * hangMs;

/** An hour from now on a whole minute, as an HTTP date: the reset the 429s announce. */
const resetAt = new Date(Math.ceil((Date.now() + 3_600_000) / 60_000) * 60_000);
const resetText = `${resetAt.toISOString().slice(11, 16)} UTC`;

const rateLimited: Handler = (_req, res) => {
  res.writeHead(429, { "retry-after": resetAt.toUTCString() }).end("slow down");
};
const hangs: Handler = () => undefined;

beforeAll(async () => {
  server = await startHttpServer({
    "/tranco/top-1m.csv.zip": (_req, res) => {
      const list = zipSync({ "top-1m.csv": strToU8("1,google.com\r\n2,stashbox.test\r\n") });
      res.writeHead(200, { "content-type": "application/zip" }).end(list);
    },
    "/tranco/ranks/domain/stashbox.test": rateLimited,
    "/hang/stashbox.test": hangs,
    "/loop/stashbox.test": (_req, res) => {
      res.writeHead(302, { location: "/loop/stashbox.test" }).end();
    },
    "/good/stashbox.test": text(`<p>Global rank <b id="rank">#141</b></p>`),
    "/users": rateLimited,
    "/metrics": hangs,
    "/uploads": json({ uploads: { total: 5120 } }),
  });
  const url = server.url;
  config = parseConfig(
    `service: { name: Stashbox, domain: stashbox.test }
sources:
  ranks:
    - { kind: tranco, key: tranco, listUrl: "${url}/tranco/top-1m.csv.zip", apiUrl: "${url}/tranco", pace: 10ms, timeout: 2s }
    - { kind: page, key: hung, url: "${url}/hang/{domain}?site=x&apikey=s3cret", selectors: { global: "#rank" }, timeout: ${hangMs}ms }
    - { kind: page, key: looping, url: "${url}/loop/{domain}", selectors: { global: "#rank" }, timeout: 2s }
    - { kind: page, key: good, url: "${url}/good/{domain}", selectors: { global: "#rank" }, timeout: 2s }
  metrics:
    - { kind: http-json, metric: users_total, name: Users, type: counter, url: "${url}/users?token=s3cret", path: total, timeout: 2s }
    - { kind: prometheus, metric: signups_total, name: Signups, type: counter, url: "${url}/metrics", series: signups_total, timeout: ${hangMs}ms }
    - { kind: http-json, metric: uploads_total, name: Uploads, type: counter, url: "${url}/uploads", path: uploads.total, timeout: 2s }
`,
    "failing-sources.yaml",
  );
  database = await createTestDatabase();
  await syncConfig(database.db, config);
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

function deps(): RunDeps {
  return { db: database.db, databaseUrl: database.url, config, log: captureLogger().log };
}

async function storedError(runId: bigint | null): Promise<string> {
  const run = await database.db.jobRun.findUniqueOrThrow({ where: { id: runId! } });
  return run.error ?? "";
}

describe("a failing rank source", () => {
  it(
    "ends at its own timeout or at a 429 past the run, names itself, and the others store their rows",
    { timeout: 60_000 },
    async () => {
      const started = performance.now();
      const result = await runJob(ingestRanks, deps(), { trigger: "cli", settings });
      const elapsed = performance.now() - started;

      expect(result.outcome).toBe("failed");
      expect(elapsed).toBeLessThan(boundMs);
      const error = await storedError(result.runId);
      expect(error).toBe(result.error);
      const lines = error.split("\n").sort();
      expect(lines).toHaveLength(3);
      // Every line starts with the source's key.
      expect(lines.map((line) => line.split(": ")[0])).toEqual(["hung", "looping", "tranco"]);
      const port = new URL(server.url).port;
      expect(lines[0]).toBe(
        `hung: no answer from http://127.0.0.1:${port}/hang/stashbox.test?site=x&apikey=REDACTED within ${hangMs} ms`,
      );
      expect(lines[1]).toBe(
        `looping: more than 20 redirects from http://127.0.0.1:${port}/loop/stashbox.test`,
      );
      expect(lines[2]).toMatch(
        new RegExp(
          `^tranco: rate-limited until ${resetText} \\(HTTP 429 from http://127\\.0\\.0\\.1:${port}/tranco/ranks/domain/stashbox\\.test\\); this run's time ends at \\d\\d:\\d\\d(:\\d\\d)? UTC; kept the reading read before it$`,
        ),
      );
      expect(error).not.toContain("s3cret");
      // Asked once: an hour's reset is not waited out, nor asked again.
      expect(server.requests.filter((r) => r.path.startsWith("/tranco/ranks/"))).toHaveLength(1);

      const good = await database.db.rankSample.findMany({ where: { source: "good" } });
      expect(good).toMatchObject([{ scope: "global", kind: "exact", rank: 141 }]);
      // The rate-limited source still stored the day's list it had read before its API refused.
      const tranco = await database.db.rankSample.findMany({ where: { source: "tranco" } });
      expect(tranco).toMatchObject([{ scope: "global", kind: "exact", rank: 2 }]);
      expect(result.counts).toMatchObject({ failed: 3, samples: 2 });
    },
  );
});

describe("a failing metric source", () => {
  it("ends at its own timeout or at a 429, names its metric, and the others are stored", async () => {
    const started = performance.now();
    const result = await runJob(ingestMetrics, deps(), { trigger: "cli", settings });
    const elapsed = performance.now() - started;

    expect(result.outcome).toBe("failed");
    expect(elapsed).toBeLessThan(boundMs);
    const lines = (await storedError(result.runId)).split("\n").sort();
    const port = new URL(server.url).port;
    expect(lines).toEqual([
      `metric signups_total: no answer from http://127.0.0.1:${port}/metrics within ${hangMs} ms`,
      `metric users_total: rate-limited until ${resetText} (HTTP 429 from http://127.0.0.1:${port}/users?token=REDACTED)`,
    ]);
    const uploads = await database.db.metricSample.findMany({
      where: { metric: { key: "uploads_total" } },
    });
    expect(uploads.map((s) => Number(s.value))).toEqual([5120]);
  });
});

describe("a job that outlives its timeout", () => {
  it("names the sources it was still waiting for", async () => {
    const slow = parseConfig(
      `service: { name: Stashbox, domain: stashbox.test }
sources:
  ranks:
    - { kind: page, key: hung, url: "${server.url}/hang/{domain}", selectors: { global: "#rank" }, timeout: 60s }
`,
      "slow.yaml",
    );
    const result = await runJob(
      ingestRanks,
      { ...deps(), config: slow },
      { trigger: "cli", settings: { ...settings, timeout: 500 } },
    );
    expect(result.outcome).toBe("timeout");
    expect(await storedError(result.runId)).toBe("timed out after 500 ms, still waiting for hung");
  });
});
