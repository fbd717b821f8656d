// `npm run bench [section...]`: Liftoff's figures, each printed with a ratio against a baseline
// measured in the same run, and saved to bench/results/<section>.json. Sections:
// foundation:
//  - next build time            (baseline: tsc --noEmit on the same tree)
//  - npm start → first page     on the embedded database and on PostgreSQL
//                               (baseline: plain `next start` of the same build)
//  - idle RSS of web (front + Next.js) and worker (baseline: an idle bare Node process)
//  - bytes per stored check      (baseline: a naive checks table holding the same rows)
// growth:
//  - push ingest in batches of 500 (baseline: plain multi-row INSERTs of the same rows)
//  - series API p95 over a year of minute samples for 20 metrics (baseline: raw samples
//    aggregated in JavaScript)
// ranks:
//  - the 1,000,000-line Tranco list streamed for 3 domains: time, peak heap + buffers, peak RSS
//    (baseline: the whole zip unzipped in memory and split into rows)
// status:
//  - /status and /api/v2/summary.json at 256 connections (wrk when installed, else autocannon)
//    asking for gzip (and the page again uncompressed): req/s, p99, errors, with PostgreSQL up and then closed to the app
//    (baseline: the same bytes as static files, same server, same request)
// status-lag:
//  - commit → page: an outage opened and closed 20 times by a transaction like the worker's,
//    watched in /status and summary.json of two web processes sharing the database: p50, p99,
//    max (baseline: one render of /status by Next.js)
// probes:
//  - 1,000 HTTP monitors every 30 s in one worker: check lag p50/p99, checks/s, worker CPU and
//    RSS (baseline: the same requests made by a bare loop of fetch)
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { measureCheckTable } from "./check-table";
import { measureMetricSeries } from "./metric-series";
import { measurePush } from "./push";
import { measureProbeLoad } from "./probe-load";
import { measureRankList } from "./rank-list";
import { type LoadFigures, measureStatusLoad } from "./status-load";
import { measureStatusLag } from "./status-lag";
import { freePort, freePorts } from "../tests/support/free-port";
import { withScratchDatabase } from "./scratch-database";
import { childrenOf, treeRssMiB } from "./process-tree";

const root = path.resolve(import.meta.dirname, "..");

const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  CHECKPOINT_DISABLE: "1",
  LOG_LEVEL: "warn",
};

function timed(command: string, args: string[]): number {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: root, env, stdio: "ignore" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed`);
  return (performance.now() - started) / 1000;
}

async function firstPage(
  url: string,
  child: ReturnType<typeof spawn>,
  deadlineMs: number,
): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the process exited with ${child.exitCode} before ${url} answered`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
    } catch {
      // not up yet
    }
    await sleep(50);
  }
  throw new Error(`${url} never answered 200`);
}

async function stop(child: ReturnType<typeof spawn>): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

/** Starts Liftoff with `npm start`'s launcher; returns seconds to the first page and idle RSS. */
async function measureStart(extraEnv: Record<string, string>) {
  const [port, simPort] = await freePorts(2);
  const dir = mkdtempSync(path.join(tmpdir(), "liftoff-bench-"));
  chmodSync(dir, 0o755); // as root, the embedded server runs as the postgres user
  const config = path.join(dir, "liftoff.config.yaml");
  writeFileSync(
    config,
    `service: { name: Stashbox, domain: stashbox.test }\nsimulator: { enabled: true, port: ${simPort} }\n`,
  );
  const started = performance.now();
  const launcher = spawn(process.execPath, ["--import", "tsx", "bin/liftoff.ts", "start"], {
    cwd: root,
    env: {
      ...env,
      ...extraEnv,
      PORT: String(port),
      LIFTOFF_CONFIG: config,
      LIFTOFF_DATA_DIR: path.join(dir, "data"),
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await firstPage(`http://127.0.0.1:${port}/sign-in`, launcher, 120_000);
    const seconds = (performance.now() - started) / 1000;
    await sleep(10_000); // let both processes settle before reading idle memory
    const [web, worker] = childrenOf(launcher.pid!).filter((pid) => treeRssMiB(pid) > 20);
    return {
      seconds,
      webRss: web ? treeRssMiB(web) : NaN,
      workerRss: worker ? treeRssMiB(worker) : NaN,
    };
  } finally {
    await stop(launcher);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measurePlainNextStart(): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(port)],
    {
      cwd: root,
      env: {
        ...env,
        DATABASE_URL: "postgresql://unused@127.0.0.1:1/none",
        LIFTOFF_AUTH_SECRET: "x".repeat(32),
      },
      stdio: "ignore",
    },
  );
  try {
    await firstPage(`http://127.0.0.1:${port}/sign-in`, child, 60_000);
    return (performance.now() - started) / 1000;
  } finally {
    await stop(child);
  }
}

async function bareNodeRss(): Promise<number> {
  const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
  await sleep(1_000);
  const rss = treeRssMiB(child.pid!);
  await stop(child);
  return rss;
}

const row = (name: string, value: string, ratio: string) =>
  console.log(`${name.padEnd(44)} ${value.padStart(10)}   ${ratio}`);

/** The foundation: build, start-up, idle memory, and how lean stored checks are. */
async function foundation(): Promise<Record<string, unknown>> {
  const tsc = timed(process.execPath, ["node_modules/typescript/bin/tsc", "--noEmit"]);
  const build = timed(process.execPath, ["node_modules/next/dist/bin/next", "build"]);
  row(
    "next build",
    `${build.toFixed(1)} s`,
    `${(build / tsc).toFixed(2)}x tsc --noEmit (${tsc.toFixed(1)} s)`,
  );

  const plain = await measurePlainNextStart();
  const embedded = await measureStart({ DATABASE_URL: "" });
  const postgres = await withScratchDatabase((url) => measureStart({ DATABASE_URL: url }));
  const bare = await bareNodeRss();
  row(
    "npm start → first page, embedded (new data)",
    `${embedded.seconds.toFixed(1)} s`,
    `${(embedded.seconds / plain).toFixed(2)}x plain next start (${plain.toFixed(1)} s)`,
  );
  row(
    "npm start → first page, PostgreSQL",
    `${postgres.seconds.toFixed(1)} s`,
    `${(postgres.seconds / plain).toFixed(2)}x plain next start`,
  );
  row(
    "idle RSS, web (front + Next.js)",
    `${postgres.webRss.toFixed(0)} MiB`,
    `${(postgres.webRss / bare).toFixed(1)}x bare node (${bare.toFixed(0)} MiB)`,
  );
  row(
    "idle RSS, worker",
    `${postgres.workerRss.toFixed(0)} MiB`,
    `${(postgres.workerRss / bare).toFixed(1)}x bare node`,
  );

  const checks = await withScratchDatabase(measureCheckTable);
  row(
    "bytes per stored check (1,000,000 rows)",
    `${checks.leanBytesPerRow.toFixed(0)} B`,
    `${(checks.leanBytesPerRow / checks.naiveBytesPerRow).toFixed(2)}x a naive checks table (${checks.naiveBytesPerRow.toFixed(0)} B)`,
  );
  return { build, tsc, plain, embedded, postgres, bareNodeRss: bare, checks };
}

/** User growth: reading a year of minute samples, and pushing samples in batches of 500. */
async function growth(): Promise<Record<string, unknown>> {
  const push = await withScratchDatabase(measurePush);
  row(
    "push ingest, batches of 500 (target ≥ 5,000/s)",
    `${push.samplesPerSecond.toFixed(0)}/s`,
    `${(push.samplesPerSecond / push.baselineSamplesPerSecond).toFixed(2)}x a plain multi-row INSERT (${push.baselineSamplesPerSecond.toFixed(0)}/s)`,
  );
  const series = await withScratchDatabase((url) => measureMetricSeries(url, console.log));
  row(
    `series API p95, 1 h to 1 year (${(series.rows / 1e6).toFixed(1)}M samples; target ≤ 50 ms)`,
    `${series.p95Ms.toFixed(1)} ms`,
    `${(series.naiveP95Ms / series.p95Ms).toFixed(0)}x faster than raw samples aggregated in JS (p95 ${series.naiveP95Ms.toFixed(0)} ms)`,
  );
  return { push, series };
}

/** Rank lists: the Tranco list streamed through the reader against held whole in memory. */
async function ranks(): Promise<Record<string, unknown>> {
  const list = await measureRankList();
  const { streamed, baseline } = list;
  const against = `unzipped whole and split`;
  row(
    `Tranco list, 1M lines (${list.zipMiB.toFixed(1)} MiB zip), 3 domains`,
    `${streamed.seconds.toFixed(2)} s`,
    `${(streamed.seconds / baseline.seconds).toFixed(2)}x ${against} (${baseline.seconds.toFixed(2)} s)`,
  );
  row(
    "  peak heap + buffers while reading",
    `${streamed.heapMiB.toFixed(0)} MiB`,
    `${(streamed.heapMiB / baseline.heapMiB).toFixed(2)}x ${against} (${baseline.heapMiB.toFixed(0)} MiB)`,
  );
  row(
    "  peak RSS growth while reading",
    `${streamed.rssMiB.toFixed(0)} MiB`,
    `${(streamed.rssMiB / baseline.rssMiB).toFixed(2)}x ${against} (${baseline.rssMiB.toFixed(0)} MiB)`,
  );
  return list;
}

/** The public status page under load, with PostgreSQL up and then unreachable. */
async function status(): Promise<Record<string, unknown>> {
  const load = await withScratchDatabase(measureStatusLoad);
  const { healthy, databaseDown } = load;
  const figures = (name: string, f: LoadFigures, against: LoadFigures | null) => {
    const faults = `${f.errors} errors, ${f.non2xx} non-2xx`;
    row(
      `${name} req/s`,
      f.requestsPerSecond.toFixed(0),
      against
        ? `${(f.requestsPerSecond / against.requestsPerSecond).toFixed(2)}x the static file (${against.requestsPerSecond.toFixed(0)}/s)`
        : faults,
    );
    row(
      `  p99 latency`,
      `${f.p99Ms.toFixed(0)} ms`,
      against
        ? `${(f.p99Ms / against.p99Ms).toFixed(2)}x the static file (${against.p99Ms} ms)`
        : "",
    );
    if (against) row("  errors, non-2xx", `${f.errors}, ${f.non2xx}`, "");
  };
  console.log(
    `${healthy.page.tool}, 256 connections, 20 s each, asking for gzip as browsers do; page ${load.pageBytes} B (gzip ${load.pageGzipBytes} B), summary ${load.summaryBytes} B`,
  );
  console.log("targets: ≥ 0.80x static throughput, p99 ≤ 100 ms, zero errors\n");
  figures("/status", healthy.page, healthy.staticPage);
  figures("  its bytes as a static file", healthy.staticPage, null);
  figures("/status, uncompressed", healthy.pageUncompressed, healthy.staticPageUncompressed);
  figures("  its bytes as a static file", healthy.staticPageUncompressed, null);
  figures("/api/v2/summary.json", healthy.api, healthy.staticApi);
  figures("  its bytes as a static file", healthy.staticApi, null);
  console.log("\nThe machine's ceiling: the same bytes from a bare Node server's memory\n");
  figures("  the page's bytes, bare server", load.ceiling.page, null);
  figures("  the summary's bytes, bare server", load.ceiling.api, null);
  console.log(
    `\nPostgreSQL closed to the app; snapshot stale after ${databaseDown.staleAfterSeconds.toFixed(1)} s\n`,
  );
  figures("/status, database down", databaseDown.page, healthy.staticPage);
  figures("/api/v2/summary.json, database down", databaseDown.api, healthy.staticApi);
  return load;
}

/** How long a status change takes to reach the public, in two web processes. */
async function statusLag(): Promise<Record<string, unknown>> {
  const lag = await withScratchDatabase(measureStatusLag);
  console.log(
    `${lag.samples / lag.webProcesses} status changes committed, each watched in ${lag.webProcesses} web processes' /status and summary.json`,
  );
  console.log("target: p99 ≤ 5 s from commit to page\n");
  const against = (ms: number) =>
    `${(ms / lag.renderMs).toFixed(1)}x one render of /status (${lag.renderMs.toFixed(0)} ms)`;
  row("commit → page p50", `${lag.p50Ms.toFixed(0)} ms`, against(lag.p50Ms));
  row("commit → page p99", `${lag.p99Ms.toFixed(0)} ms`, against(lag.p99Ms));
  row("commit → page max", `${lag.maxMs.toFixed(0)} ms`, against(lag.maxMs));
  return lag;
}

/** Probing 1,000 monitors from one worker. */
async function probes(): Promise<Record<string, unknown>> {
  const load = await withScratchDatabase(measureProbeLoad);
  const { lag, worker, baseline } = load;
  console.log(
    `${load.monitors} HTTP monitors every ${load.intervalSeconds} s, one worker, ${load.runSeconds} s`,
  );
  console.log("targets: check lag p99 ≤ 1 s, worker CPU ≤ 25% of one core\n");
  row("check lag p50", `${(lag.p50Ms / 1000).toFixed(2)} s`, `${lag.samples} checks after a first`);
  row(
    "check lag p99",
    `${(lag.p99Ms / 1000).toFixed(2)} s`,
    `max ${(lag.maxMs / 1000).toFixed(1)} s; ${lag.overFiveSeconds} over 5 s`,
  );
  row(
    "checks per second",
    load.checksPerSecond.toFixed(1),
    `${(load.checksPerSecond / (load.monitors / load.intervalSeconds)).toFixed(2)}x the ${(load.monitors / load.intervalSeconds).toFixed(1)}/s due (${load.statuses.up} up, ${load.statuses.degraded} degraded, ${load.statuses.down} down)`,
  );
  row(
    "worker CPU, % of one core",
    `${worker.cpuPercent.toFixed(1)}%`,
    `${(worker.cpuPercent / baseline.cpuPercent).toFixed(1)}x a bare fetch loop (${baseline.cpuPercent.toFixed(1)}%)`,
  );
  row(
    "worker RSS (peak)",
    `${worker.peakRssMiB.toFixed(0)} MiB`,
    `${(worker.peakRssMiB / baseline.peakRssMiB).toFixed(1)}x a bare fetch loop (${baseline.peakRssMiB.toFixed(0)} MiB)`,
  );
  for (const run of load.runs) {
    row(
      `  check-monitors runs: ${run.outcome}`,
      String(run.runs),
      `longest ${run.longestSeconds.toFixed(1)} s`,
    );
    if (run.firstError) console.log(`    first error: ${run.firstError.split("\n")[0]}`);
  }
  return load;
}

const sections = {
  foundation,
  growth,
  ranks,
  status,
  "status-lag": statusLag,
  probes,
} as const;

/** `npm run bench` runs every section; `npm run bench -- growth` runs one. */
async function main() {
  const asked = process.argv.slice(2);
  const chosen = asked.length > 0 ? asked : Object.keys(sections);
  mkdirSync(path.join(root, "bench/results"), { recursive: true });
  for (const name of chosen) {
    const section = sections[name as keyof typeof sections];
    if (!section)
      throw new Error(
        `Unknown bench section "${name}"; sections: ${Object.keys(sections).join(", ")}`,
      );
    console.log(`\nLiftoff benchmarks: ${name}\n`);
    const results = { at: new Date().toISOString(), ...(await section()) };
    writeFileSync(path.join(root, `bench/results/${name}.json`), JSON.stringify(results, null, 2));
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
