// The public status page under a launch-day crowd: the web process (`liftoff web`: the front
// server with its copies, Next.js behind it) against a scratch PostgreSQL seeded with a realistic
// page (a group of 4 components, 90 days of outages, 30 incidents with their updates, a
// maintenance, 24 hours of checks), the snapshot warmed, then wrk (or autocannon; see
// load-generator.ts) in its own process at 256 connections for 20 s on /status and
// /api/v2/summary.json. The baseline, in the same run and from the same server: the very same
// bytes as static files under public/. Then the database is closed to the app (its connections
// ended, new ones refused; the machine's server keeps running), and once the snapshot has failed
// a rebuild (X-Liftoff-Snapshot-Stale: true) the same load again: the page and the API must
// still answer 200. Alone: `npx tsx bench/status-load.ts`.
import { spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { needsBuild } from "@/bin/launch";
import { parseConfig } from "@/lib/config";
import { createDatabase, type Database } from "@/lib/database/client";
import { applyMigrations } from "@/lib/database/migrate";
import { syncConfig } from "@/lib/setup/sync-config";
import { refreshCheckRollups } from "@/lib/uptime/check-rollups";
import { freePort } from "../tests/support/free-port";
import { startBareServer } from "./bare-server";
import { type LoadFigures, measureLoad } from "./load-generator";
import { withScratchDatabase } from "./scratch-database";

const root = path.resolve(import.meta.dirname, "..");
const connections = 256;
const seconds = Number(process.env.LIFTOFF_BENCH_SECONDS ?? 20);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const configText = `
timezone: UTC
service: { name: Stashbox, domain: stashbox.test }
components:
  - { key: platform, name: Platform, position: 0 }
  - { key: web, name: Website, description: stashbox.test and sign-in, group: platform, position: 1 }
  - { key: api, name: API, group: platform, position: 2 }
  - { key: uploads, name: Uploads and downloads, group: platform, position: 3 }
  - { key: sharing, name: Shared links, group: platform, position: 4 }
monitors:
  - { key: web, name: Website, type: http, url: "http://127.0.0.1:9/", component: web }
  - { key: api, name: API, type: http, url: "http://127.0.0.1:9/api/health", component: api }
  - { key: uploads, name: Uploads, type: http, url: "http://127.0.0.1:9/up", component: uploads }
  - { key: sharing, name: Shared links, type: http, url: "http://127.0.0.1:9/s", component: sharing }
`;

export type { LoadFigures };

export type StatusLoadFigures = {
  built: boolean;
  pageBytes: number;
  pageGzipBytes: number;
  summaryBytes: number;
  healthy: {
    page: LoadFigures;
    api: LoadFigures;
    staticPage: LoadFigures;
    staticApi: LoadFigures;
    pageUncompressed: LoadFigures;
    staticPageUncompressed: LoadFigures;
  };
  /** The same bodies from a bare Node server: what this machine allows at all. */
  ceiling: { page: LoadFigures; api: LoadFigures };
  databaseDown: { page: LoadFigures; api: LoadFigures; staleAfterSeconds: number };
};

/** A realistic page: 90 days watched, an outage every 3 days each with its incident, one open. */
export async function seed(db: Database, now: number): Promise<void> {
  const monitors = await db.monitor.findMany();
  const updates = ["investigating", "identified", "monitoring", "resolved"] as const;
  for (const [i, m] of monitors.entries()) {
    // The first check 91 days ago, every 10 min over the last day, every 30 s in the last hour.
    const checks = [{ monitorId: m.id, at: new Date(now - 91 * DAY), status: 0, latencyMs: 140 }];
    for (let at = now - DAY, n = 0; at <= now; at += at < now - HOUR ? 10 * MINUTE : 30_000, n++) {
      const status = n % 97 === i ? 2 : n % 41 === i ? 1 : 0;
      checks.push({ monitorId: m.id, at: new Date(at), status, latencyMs: 120 + ((n * 37) % 180) });
    }
    await db.check.createMany({ data: checks });
    await refreshCheckRollups(db, m.id, new Date(now - 92 * DAY), new Date(now));
  }
  for (let i = 0; i < 30; i++) {
    const m = monitors[i % monitors.length]!;
    const open = i === 29;
    const startedAt = new Date(open ? now - 25 * MINUTE : now - (89 - i * 3) * DAY + i * 7 * HOUR);
    const endedAt = open ? null : new Date(startedAt.getTime() + (5 + ((i * 23) % 175)) * MINUTE);
    const severity = open ? "degraded" : (["degraded", "partial", "major"] as const)[i % 3]!;
    const outage = await db.outage.create({
      data: { monitorId: m.id, componentId: m.componentId, startedAt, endedAt, severity },
    });
    const steps = open ? updates.slice(0, 2) : updates.slice(i % 2, 4);
    await db.incident.create({
      data: {
        name: `${m.name} ${severity === "degraded" ? "slow" : "unavailable"} for some users`,
        status: steps.at(-1)!,
        impact: severity === "major" ? "major" : "minor",
        outageId: outage.id,
        startedAt,
        resolvedAt: endedAt,
        components: { connect: [{ id: m.componentId! }] },
        updates: {
          create: steps.map((status, n) => ({
            status,
            body: `${status}: ${m.name} answers ${n === steps.length - 1 && endedAt ? "normally again" : "slowly or not at all"}; the team is on it and will post again within 30 minutes.`,
            createdAt: new Date(startedAt.getTime() + n * 4 * MINUTE),
          })),
        },
      },
    });
  }
  const tomorrow = new Date(now + DAY).toISOString().slice(0, 10);
  await db.maintenance.create({
    data: {
      name: "Database upgrade",
      body: "Uploads may pause for up to ten minutes.",
      scheduledFor: new Date(`${tomorrow}T02:00:00Z`),
      scheduledUntil: new Date(`${tomorrow}T04:00:00Z`),
      components: { connect: [{ key: "uploads" }] },
    },
  });
}

async function untilAnswered(url: string, test: (r: Response) => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) }).catch(() => null);
    if (response && test(response)) return response;
    await response?.body?.cancel();
    await sleep(250);
  }
  throw new Error(`${url} did not answer as expected within ${timeoutMs / 1000} s`);
}

/**
 * Waits until a small static file answers quickly again three times in a row: the server keeps
 * rendering what a finished run left queued, and the next run must not pay for it.
 */
async function settle(url: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (let quick = 0; quick < 3 && Date.now() < deadline; await sleep(200)) {
    const started = performance.now();
    const response = await fetch(url, { signal: AbortSignal.timeout(30_000) }).catch(() => null);
    await response?.arrayBuffer();
    quick = response?.ok && performance.now() - started < 50 ? quick + 1 : 0;
  }
}

/** Ends the app's connections to `name` and refuses new ones, or lets them in again. */
async function setConnections(databaseUrl: string, allowed: boolean): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  const admin = new URL(databaseUrl);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS ${allowed}`);
    if (!allowed) {
      await client.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
        [name],
      );
    }
  } finally {
    await client.end();
  }
}

/** Builds the web app when its sources changed since the last build; true when it did. */
export function buildIfNeeded(): boolean {
  if (!needsBuild()) return false;
  const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}${build.stderr}`);
  return true;
}

export async function measureStatusLoad(databaseUrl: string): Promise<StatusLoadFigures> {
  const built = buildIfNeeded();
  await applyMigrations(databaseUrl);
  const dir = mkdtempSync(path.join(tmpdir(), "liftoff-bench-status-"));
  const configFile = path.join(dir, "liftoff.config.yaml");
  writeFileSync(configFile, configText);
  const db = createDatabase(databaseUrl, { max: 4 });
  try {
    await syncConfig(db, parseConfig(configText, configFile));
    await seed(db, Date.now());
  } finally {
    await db.$disconnect();
  }

  // Next.js lists public/ once when it starts: the static twins exist (empty) before it does,
  // and get the page's bytes once the page has been rendered. Named under /status so that, like
  // the page, they pass the sign-in gate (proxy.ts) as public paths.
  const publicDir = path.join(root, "public");
  const madePublic = !existsSync(publicDir);
  mkdirSync(publicDir, { recursive: true });
  const twin = {
    page: `status-bench-${process.pid}.html`,
    api: `status-bench-${process.pid}.json`,
  };
  for (const file of Object.values(twin)) writeFileSync(path.join(publicDir, file), "");

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let output = "";
  const server = spawn(process.execPath, [...process.execArgv, path.join(root, "bin", "web.ts")], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      LIFTOFF_CONFIG: configFile,
      LIFTOFF_DATA_DIR: path.join(dir, "data"),
      LIFTOFF_AUTH_SECRET: "bench-status-load-secret-0123456789abcdef",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout.on("data", (chunk) => (output += chunk));
  server.stderr.on("data", (chunk) => (output += chunk));
  try {
    const summaryUrl = `${base}/api/v2/summary.json`;
    // The first request waits for the first build; the seeded incidents show it is ours.
    const summary = await untilAnswered(summaryUrl, (r) => r.status === 200, 60_000);
    const summaryBody = await summary.text();
    if (!summaryBody.includes("for some users")) throw new Error("the snapshot lacks the seed");
    // The page as the crowd gets it: from the web server's stored copy, made from the seed.
    let pageBody = "";
    for (const deadline = Date.now() + 60_000; !pageBody.includes("for some users");) {
      if (Date.now() > deadline) throw new Error("the page never showed the seed");
      await sleep(250);
      const page = await untilAnswered(`${base}/status`, (r) => r.ok, 30_000);
      pageBody = page.headers.get("x-liftoff-cache") === "hit" ? await page.text() : "";
    }
    writeFileSync(path.join(publicDir, twin.page), pageBody);
    writeFileSync(path.join(publicDir, twin.api), summaryBody);
    const urls = {
      page: `${base}/status`,
      api: summaryUrl,
      staticPage: `${base}/${twin.page}`,
      staticApi: `${base}/${twin.api}`,
    };
    const served = await fetch(urls.staticPage, { redirect: "manual" });
    if ((await served.text()) !== pageBody) throw new Error(`the static twin is not served`);
    // Warm every path with a few connections (no backlog), then one measured run at a time.
    for (const url of Object.values(urls)) {
      await measureLoad(url, { duration: 3, clients: 8, compressed: true });
    }
    const measure = async (url: string, compressed = true) => {
      await settle(urls.staticApi);
      return measureLoad(url, { duration: seconds, clients: connections, compressed });
    };
    const healthy = {
      staticPage: await measure(urls.staticPage),
      page: await measure(urls.page),
      staticApi: await measure(urls.staticApi),
      api: await measure(urls.api),
      // A client that asks for no compression gets every byte of the page.
      staticPageUncompressed: await measure(urls.staticPage, false),
      pageUncompressed: await measure(urls.page, false),
    };
    const bare = await startBareServer({
      "/status": { type: "text/html; charset=utf-8", body: pageBody },
      "/summary.json": { type: "application/json", body: summaryBody },
    });
    const ceiling = {
      page: await measure(bare.url("/status")),
      api: await measure(bare.url("/summary.json")),
    };
    await bare.close();
    await settle(urls.staticApi);

    await setConnections(databaseUrl, false);
    const cut = performance.now();
    await untilAnswered(
      summaryUrl,
      (r) => r.status === 200 && r.headers.get("x-liftoff-snapshot-stale") === "true",
      60_000,
    );
    const staleAfterSeconds = (performance.now() - cut) / 1000;
    const databaseDown = {
      page: await measure(urls.page),
      api: await measure(urls.api),
      staleAfterSeconds,
    };
    return {
      built,
      pageBytes: Buffer.byteLength(pageBody),
      pageGzipBytes: gzipSync(pageBody).length,
      summaryBytes: Buffer.byteLength(summaryBody),
      healthy,
      ceiling,
      databaseDown,
    };
  } catch (error) {
    console.error(`web server output:\n${output}`);
    throw error;
  } finally {
    await setConnections(databaseUrl, true);
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    }
    for (const file of Object.values(twin)) rmSync(path.join(publicDir, file), { force: true });
    if (madePublic && readdirSync(publicDir).length === 0) rmdirSync(publicDir);
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await withScratchDatabase(measureStatusLoad), null, 2));
}
