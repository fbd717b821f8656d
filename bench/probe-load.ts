// Probing at scale: 1,000 HTTP monitors every 30 s against one local target (a bare Node server in
// its own process answering 200 "ok"), run by one worker process (`liftoff worker`, check-monitors
// on its default schedule: every 10 s, up to 1 s of jitter) for two minutes on a scratch
// PostgreSQL. From the stored checks: how late each ran after its monitor became due (its previous
// check + the interval; a monitor's first check has no due time and is left out), and checks per
// second; from /proc: the worker's CPU (user + system, as % of one core) and its memory. The
// baseline, in the same run and for as long: the same 1,000 requests every 30 s made by a bare
// loop of fetch in a process of its own. Alone: `npx tsx bench/probe-load.ts`.
import { spawn, type ChildProcess, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { pathToFileURL } from "node:url";
import { createDatabase } from "@/lib/database/client";
import { applyMigrations } from "@/lib/database/migrate";
import { startCli } from "../tests/support/processes";
import { treeRssMiB } from "./process-tree";
import { withScratchDatabase } from "./scratch-database";

const monitors = 1_000;
const intervalSeconds = 30;
const runSeconds = 120;

const targetScript = `
const server = require("node:http").createServer((request, response) => {
  response.writeHead(200, { "content-type": "text/plain" });
  response.end("ok");
});
server.listen(0, "127.0.0.1", () => console.log(server.address().port));`;

/**
 * The baseline: every interval, one fetch per monitor, all at once, as check-monitors does; its
 * first burst half a second after it says it started, so the measurement sees all of it.
 */
const fetchLoopScript = `
const [base, count, intervalMs] = process.argv.slice(1);
let answered = 0;
let failed = 0;
const burst = () =>
  Promise.all(Array.from({ length: Number(count) }, (_, i) =>
    fetch(base + "/probe/" + i).then((r) => r.text()).then(() => answered++, () => failed++),
  )).then(() => console.log(JSON.stringify({ answered, failed })));
console.log("started");
setTimeout(() => {
  burst();
  setInterval(burst, Number(intervalMs));
}, 500);`;

export type ProcessFigures = { cpuPercent: number; rssMiB: number; peakRssMiB: number };
export type ProbeLoadFigures = {
  monitors: number;
  intervalSeconds: number;
  runSeconds: number;
  checks: number;
  checksPerSecond: number;
  statuses: { up: number; degraded: number; down: number };
  lag: { samples: number; p50Ms: number; p99Ms: number; maxMs: number; overFiveSeconds: number };
  runs: { outcome: string; runs: number; longestSeconds: number; firstError: string | null }[];
  worker: ProcessFigures;
  baseline: ProcessFigures & { answered: number; failed: number };
};

const clockTicks = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout) || 100;

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / clockTicks;
}

/** Watches `pid` for `seconds`: its CPU as % of one core, its memory at the end and at its peak. */
async function watch(pid: number, seconds: number): Promise<ProcessFigures> {
  const cpuBefore = cpuSeconds(pid);
  const started = performance.now();
  let peakRssMiB = 0;
  while (performance.now() - started < seconds * 1000) {
    await sleep(1_000);
    peakRssMiB = Math.max(peakRssMiB, treeRssMiB(pid));
  }
  const elapsed = (performance.now() - started) / 1000;
  const cpuPercent = ((cpuSeconds(pid) - cpuBefore) / elapsed) * 100;
  return { cpuPercent, rssMiB: treeRssMiB(pid), peakRssMiB };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
  await exited;
  clearTimeout(timer);
}

function config(target: string): string {
  const lines = [
    "timezone: UTC",
    "service: { name: Stashbox, domain: stashbox.test }",
    "monitors:",
  ];
  for (let i = 0; i < monitors; i++) {
    const key = `probe-${String(i).padStart(4, "0")}`;
    lines.push(
      `  - { key: ${key}, name: Probe ${i}, type: http, url: "${target}/probe/${i}", interval: ${intervalSeconds}s }`,
    );
  }
  // Only check-monitors runs, on its default schedule.
  lines.push("jobs:");
  for (const job of ["ingest-metrics", "ingest-ranks", "prune-checks"]) {
    lines.push(`  ${job}: { schedule: "0 0 1 1 *", enabled: false }`);
  }
  return `${lines.join("\n")}\n`;
}

/** Starts a Node script in its own process; resolves with it and its first line of output. */
async function startScript(script: string, args: string[]) {
  const child = spawn(process.execPath, ["-e", script, ...args], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  const firstLine = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`a bench script exited with ${code}`)));
    child.stdout.on("data", () => output.includes("\n") && resolve(output.split("\n")[0]!));
  });
  return { child, firstLine, output: () => output };
}

async function storedFigures(databaseUrl: string, from: Date, to: Date) {
  const db = createDatabase(databaseUrl, { max: 2 });
  try {
    const [checks] = await db.$queryRaw<
      { checks: number; up: number; degraded: number; down: number }[]
    >`
      SELECT count(*)::int AS checks, count(*) FILTER (WHERE status = 0)::int AS up,
             count(*) FILTER (WHERE status = 1)::int AS degraded,
             count(*) FILTER (WHERE status = 2)::int AS down
      FROM "check" WHERE at >= ${from} AND at < ${to}`;
    const [lag] = await db.$queryRaw<
      { samples: number; p50: number; p99: number; max: number; over5: number }[]
    >`
      WITH late AS (
        SELECT greatest(0, extract(epoch FROM c.at - c.previous) * 1000 - c.interval_seconds * 1000)::float8 AS ms
        FROM (SELECT ch.at, m.interval_seconds,
                     lag(ch.at) OVER (PARTITION BY ch.monitor_id ORDER BY ch.at) AS previous
              FROM "check" ch JOIN monitor m ON m.id = ch.monitor_id) c
        WHERE c.previous IS NOT NULL)
      SELECT count(*)::int AS samples,
             coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms), 0)::float8 AS p50,
             coalesce(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms), 0)::float8 AS p99,
             coalesce(max(ms), 0)::float8 AS max,
             count(*) FILTER (WHERE ms > 5000)::int AS over5
      FROM late`;
    const runs = await db.$queryRaw<ProbeLoadFigures["runs"]>`
      SELECT outcome::text AS outcome, count(*)::int AS runs,
             max(extract(epoch FROM ended_at - started_at))::float8 AS "longestSeconds",
             (array_agg(left(error, 300)) FILTER (WHERE error IS NOT NULL))[1] AS "firstError"
      FROM job_run WHERE job = 'check-monitors' GROUP BY 1 ORDER BY 1`;
    return { checks: checks!, lag: lag!, runs };
  } finally {
    await db.$disconnect();
  }
}

export async function measureProbeLoad(databaseUrl: string): Promise<ProbeLoadFigures> {
  await applyMigrations(databaseUrl);
  const dir = mkdtempSync(path.join(tmpdir(), "liftoff-bench-probes-"));
  const target = await startScript(targetScript, []);
  const base = `http://127.0.0.1:${target.firstLine.trim()}`;
  try {
    const configFile = path.join(dir, "liftoff.config.yaml");
    writeFileSync(configFile, config(base));
    const worker = startCli(["worker"], {
      DATABASE_URL: databaseUrl,
      LIFTOFF_CONFIG: configFile,
      LIFTOFF_DATA_DIR: path.join(dir, "data"),
    });
    let workerFigures: ProcessFigures;
    let from: Date;
    let to: Date;
    try {
      await worker.waitFor("worker ready", 120_000);
      from = new Date();
      workerFigures = await watch(worker.child.pid!, runSeconds);
      to = new Date();
    } catch (error) {
      console.error(worker.output());
      throw error;
    } finally {
      await stop(worker.child);
    }
    const stored = await storedFigures(databaseUrl, from, to);

    const loop = await startScript(fetchLoopScript, [
      base,
      String(monitors),
      `${intervalSeconds * 1000}`,
    ]);
    let baseline: ProcessFigures;
    try {
      baseline = await watch(loop.child.pid!, runSeconds);
    } finally {
      await stop(loop.child);
    }
    const counts = JSON.parse(loop.output().trim().split("\n").pop()!) as {
      answered: number;
      failed: number;
    };
    return {
      monitors,
      intervalSeconds,
      runSeconds,
      checks: stored.checks.checks,
      checksPerSecond: stored.checks.checks / ((to.getTime() - from.getTime()) / 1000),
      statuses: {
        up: stored.checks.up,
        degraded: stored.checks.degraded,
        down: stored.checks.down,
      },
      lag: {
        samples: stored.lag.samples,
        p50Ms: stored.lag.p50,
        p99Ms: stored.lag.p99,
        maxMs: stored.lag.max,
        overFiveSeconds: stored.lag.over5,
      },
      runs: stored.runs,
      worker: workerFigures,
      baseline: { ...baseline, ...counts },
    };
  } finally {
    await stop(target.child);
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await withScratchDatabase(measureProbeLoad), null, 2));
}
