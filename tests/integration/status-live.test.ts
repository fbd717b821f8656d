// Live truth: the public page follows what the worker records within seconds, in every web
// process. Real PostgreSQL, a real worker probing a real local HTTP server, and two web processes
// (front + Next.js each, as `npm start` runs them) sharing the database. Needs the production
// build (`npm test` builds first).
import { createServer, type Server } from "node:http";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { syncConfig } from "@/lib/setup/sync-config";
import { listenerName } from "@/lib/status/status-changes";
import type { BrowserContext, Page } from "playwright-core";
import { openBrowser, screenshotDir } from "../support/browser";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { freePorts } from "../support/free-port";
import { type Cli, startCli } from "../support/processes";
import { shownIndicator, timesUntilShown } from "../support/status-watch";

const dir = mkdtempSync(path.join(tmpdir(), "liftoff-status-live-"));
let database: TestDatabase;
let sql: pg.Client;
let target: Server;
let targetUp = true;
let worker: Cli;
const webs: Cli[] = [];
let bases: string[] = [];
let browser: BrowserContext;
/** A visitor who opened /status before the outage and keeps the tab open. */
let visitor: Page;
const banner = () => visitor.getByTestId("status-banner").getAttribute("data-indicator");
const lagBoundMs = 5_000;

const configFor = (targetUrl: string) => `service: { name: Stashbox, domain: stashbox.test }
components:
  - { key: web, name: Website }
  - { key: api, name: API }
monitors:
  - { key: web, name: Website, type: http, url: "${targetUrl}", component: web, interval: 10s, failuresToOpen: 1, successesToClose: 1, timeout: 2s }`;

/** When PostgreSQL first shows `query` returning a row, polled every 50 ms. */
async function whenRecorded(query: string, timeoutMs: number): Promise<Date> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { rows } = await sql.query<{ at: Date }>(query);
    if (rows[0]) return rows[0].at;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`never recorded: ${query}`);
}

beforeAll(async () => {
  database = await createTestDatabase();
  sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
  target = createServer((_req, res) => res.writeHead(targetUp ? 200 : 503).end("stashbox"));
  await new Promise<void>((resolve) => target.listen(0, "127.0.0.1", resolve));
  const targetUrl = `http://127.0.0.1:${(target.address() as { port: number }).port}/`;
  const configFile = path.join(dir, "liftoff.config.yaml");
  writeFileSync(configFile, configFor(targetUrl));
  await syncConfig(database.db, parseConfig(configFor(targetUrl), configFile));
  const ports = await freePorts(2);
  bases = ports.map((port) => `http://127.0.0.1:${port}`);
  const env = {
    DATABASE_URL: database.url,
    LIFTOFF_CONFIG: configFile,
    LIFTOFF_AUTH_SECRET: "status-live-test-secret-0123456789abcdefghij",
  };
  worker = startCli(["worker"], { ...env, LIFTOFF_DATA_DIR: path.join(dir, "worker") });
  for (const [i, port] of ports.entries()) {
    webs.push(
      startCli(["web"], {
        ...env,
        PORT: String(port),
        LIFTOFF_DATA_DIR: path.join(dir, `web${i}`),
      }),
    );
  }
  await Promise.all(webs.map((web) => web.waitFor("web server listening", 60_000)));
  const ready = await timesUntilShown(bases, "none", Date.now(), { timeoutMs: 60_000 });
  if (!ready.every(Number.isFinite)) throw new Error(`a web process never showed the page`);
  browser = await openBrowser();
  visitor = await browser.newPage();
  await visitor.goto(`${bases[1]}/status`);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  for (const child of [worker, ...webs]) {
    if (child && child.child.exitCode === null) {
      child.child.kill("SIGTERM");
      await child.exited;
    }
  }
  await sql?.end();
  await new Promise((resolve) => target?.close(resolve));
  await database?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe("the public status, live", () => {
  it("after an idle spell longer than the budget, the first visitor gets a page read since", async () => {
    await new Promise((resolve) => setTimeout(resolve, 12_000));
    for (const base of bases) {
      for (const address of ["/status", "/api/v2/summary.json"]) {
        const answer = await fetch(`${base}${address}`);
        expect(answer.status).toBe(200);
        expect(Number(answer.headers.get("age"))).toBeLessThan(10);
        expect(answer.headers.get("x-liftoff-snapshot-stale")).toBe("false");
      }
    }
  }, 60_000);

  it("shows an outage the worker records within 5 s in both web processes, for all of its minute, and its end as fast", async () => {
    targetUp = false;
    const opened = await whenRecorded(
      "SELECT created_at AS at FROM outage WHERE ended_at IS NULL",
      60_000,
    );
    const shown = await timesUntilShown(bases, "critical", opened.getTime(), {
      timeoutMs: 30_000,
    });
    expect(
      shown.every((ms) => ms <= lagBoundMs),
      `shown after ${shown} ms`,
    ).toBe(true);
    // The tab left open turns red by itself: it asks status.json every 5 s, re-renders on a change.
    await expect.poll(banner, { timeout: 20_000 }).toBe("critical");
    await visitor.screenshot({ path: path.join(screenshotDir, "status-live-outage.png") });

    // It stays on the page while it lasts (a minute), in both processes.
    const until = opened.getTime() + 60_000;
    while (Date.now() < until) {
      for (const base of bases) expect(await shownIndicator(base)).toBe("critical");
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }

    targetUp = true;
    const closed = await whenRecorded(
      "SELECT now() AS at FROM outage WHERE ended_at IS NOT NULL",
      60_000,
    );
    const cleared = await timesUntilShown(bases, "none", closed.getTime(), { timeoutMs: 30_000 });
    expect(
      cleared.every((ms) => ms <= lagBoundMs),
      `cleared after ${cleared} ms`,
    ).toBe(true);
    await expect.poll(banner, { timeout: 20_000 }).toBe("none");
  }, 180_000);

  it("a web process whose listening connection drops polls until it is back", async () => {
    const { rowCount } = await sql.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1",
      [listenerName],
    );
    expect(rowCount).toBe(2);
    // A founder's maintenance, written straight into the database while nobody listens.
    const { rows } = await sql.query<{ at: Date }>(
      `WITH m AS (
         INSERT INTO maintenance (name, body, status, scheduled_for, scheduled_until, updated_at)
         VALUES ('Database upgrade', 'Moving to a larger server.', 'in_progress', now(), now() + interval '1 hour', now())
         RETURNING id)
       INSERT INTO "_ComponentToMaintenance" ("A", "B")
       SELECT c.id, m.id FROM component c, m WHERE c.key = 'api'
       RETURNING now() AS at`,
    );
    const shown = await timesUntilShown(bases, "maintenance", rows[0]!.at.getTime(), {
      timeoutMs: 30_000,
    });
    expect(
      shown.every((ms) => ms <= lagBoundMs),
      `shown after ${shown} ms`,
    ).toBe(true);
    const count = (text: string, web: Cli) => web.output().split(text).length - 1;
    for (const web of webs) {
      expect(count("lost the status-change connection", web)).toBe(1);
      await expect
        .poll(() => count("listening for status changes", web), { timeout: 30_000 })
        .toBe(2);
    }
  }, 90_000);
});
