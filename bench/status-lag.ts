// How long the public takes to see a status change: two web processes (`liftoff web`, front and
// Next.js each, as `npm start` runs them) share a scratch PostgreSQL seeded with the realistic
// page of status-load.ts. An outage is opened, then closed, by a transaction like the worker's,
// `cycles` times; from each commit, both processes' /status HTML and /api/v2/summary.json are
// polled every 20 ms until both say the new status. The baseline, in the same run: one render of
// /status by Next.js (a query string bypasses the front's copies), the floor under any lag.
// Alone: `npx tsx bench/status-lag.ts`.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { parseConfig } from "@/lib/config";
import { createDatabase } from "@/lib/database/client";
import { applyMigrations } from "@/lib/database/migrate";
import { syncConfig } from "@/lib/setup/sync-config";
import { freePorts } from "../tests/support/free-port";
import { percentile, type Indicator, timesUntilShown } from "../tests/support/status-watch";
import { withScratchDatabase } from "./scratch-database";
import { buildIfNeeded, configText, seed } from "./status-load";

const root = path.resolve(import.meta.dirname, "..");
const cycles = Number(process.env.LIFTOFF_BENCH_CYCLES ?? 20);

export type StatusLagFigures = {
  webProcesses: number;
  samples: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  renderMs: number;
};

function startWeb(port: number, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [...process.execArgv, path.join(root, "bin", "web.ts")], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/** A transaction like the worker's; returns when it committed. */
async function commit(sql: pg.Client, statement: string): Promise<number> {
  await sql.query("BEGIN");
  await sql.query(statement);
  await sql.query("COMMIT");
  return Date.now();
}

export async function measureStatusLag(databaseUrl: string): Promise<StatusLagFigures> {
  buildIfNeeded();
  await applyMigrations(databaseUrl);
  const dir = mkdtempSync(path.join(tmpdir(), "liftoff-bench-lag-"));
  const configFile = path.join(dir, "liftoff.config.yaml");
  writeFileSync(configFile, configText);
  const db = createDatabase(databaseUrl, { max: 2 });
  try {
    await syncConfig(db, parseConfig(configText, configFile));
    await seed(db, Date.now());
  } finally {
    await db.$disconnect();
  }
  const ports = await freePorts(2);
  const bases = ports.map((port) => `http://127.0.0.1:${port}`);
  const webs = ports.map((port, i) =>
    startWeb(port, {
      DATABASE_URL: databaseUrl,
      LIFTOFF_CONFIG: configFile,
      LIFTOFF_DATA_DIR: path.join(dir, `web${i}`),
      LIFTOFF_AUTH_SECRET: "bench-status-lag-secret-0123456789abcdefgh",
    }),
  );
  const sql = new pg.Client({ connectionString: databaseUrl });
  await sql.connect();
  try {
    const seeded = await timesUntilShown(bases, "minor", Date.now(), { timeoutMs: 120_000 });
    if (!seeded.every(Number.isFinite)) throw new Error("the web processes never showed the seed");

    const renders: number[] = [];
    for (let i = 0; i < 10; i++) {
      const started = performance.now();
      await (await fetch(`${bases[0]}/status?render=${i}`)).text();
      renders.push(performance.now() - started);
    }

    const lags: number[] = [];
    const watch = async (expected: Indicator, since: number) => {
      const shown = await timesUntilShown(bases, expected, since, {
        timeoutMs: 60_000,
        everyMs: 20,
      });
      lags.push(...shown);
    };
    for (let i = 0; i < cycles; i++) {
      const opened = await commit(
        sql,
        `INSERT INTO outage (monitor_id, component_id, started_at, severity)
         SELECT id, component_id, now(), 'major' FROM monitor WHERE key = 'web'`,
      );
      await watch("critical", opened);
      const closed = await commit(
        sql,
        `UPDATE outage SET ended_at = now() WHERE ended_at IS NULL AND severity = 'major'`,
      );
      await watch("minor", closed);
    }
    return {
      webProcesses: bases.length,
      samples: lags.length,
      p50Ms: percentile(lags, 50),
      p99Ms: percentile(lags, 99),
      maxMs: Math.max(...lags),
      renderMs: percentile(renders, 50),
    };
  } finally {
    await sql.end();
    await Promise.all(
      webs.map(
        (web) =>
          new Promise((resolve) => {
            if (web.exitCode !== null) return resolve(null);
            web.once("exit", resolve);
            web.kill("SIGTERM");
          }),
      ),
    );
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  console.log(await withScratchDatabase(measureStatusLag));
}
