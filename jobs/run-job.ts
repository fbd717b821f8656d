// The one wrapper every run goes through, scheduled or from the CLI: overlap guard, jitter,
// a PostgreSQL advisory lock (several workers, one run), one JobRun per tick, a time limit, and
// the outcome recorded with its counts and error.
import { hostname } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import type { JobSettings, LoadedConfig } from "@/lib/config";
import type { Database } from "@/lib/database/client";
import type { Logger } from "@/lib/log";
import type { Job } from "./types";

export type RunOutcome = "success" | "failed" | "timeout" | "skipped";

export type RunResult = {
  outcome: RunOutcome;
  runId: bigint | null;
  error: string | null;
  counts: Record<string, number>;
  warnings: string[];
};

export type RunDeps = { db: Database; databaseUrl: string; config: LoadedConfig; log: Logger };

export type RunOptions = {
  trigger: "schedule" | "cli";
  /** The tick this run belongs to; (job, slot) runs once across all workers. */
  slot?: Date;
  settings: JobSettings;
  /** Aborted when the worker shuts down. */
  shutdown?: AbortSignal;
};

const workerId = `${hostname()}:${process.pid}`;

/** Warnings kept per run; past this only the count grows. */
const maxWarnings = 50;

/** Jobs running in this process: a job never overlaps its own previous run. */
const running = new Set<string>();

class JobTimeout extends Error {
  override name = "JobTimeout";
}

function skipped(error: string): RunResult {
  return { outcome: "skipped", runId: null, error, counts: {}, warnings: [] };
}

/** A session-level advisory lock on its own connection, keyed by the job's name. */
async function tryLock(databaseUrl: string, name: string): Promise<pg.Client | null> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  const { rows } = await client.query<{ locked: boolean }>(
    "SELECT pg_try_advisory_lock(hashtext('liftoff:job'), hashtext($1)) AS locked",
    [name],
  );
  if (rows[0]?.locked) return client;
  await client.end();
  return null;
}

async function unlock(client: pg.Client, name: string): Promise<void> {
  await client
    .query("SELECT pg_advisory_unlock(hashtext('liftoff:job'), hashtext($1))", [name])
    .catch(() => undefined);
  await client.end().catch(() => undefined);
}

/** Claims the run: null when this tick already ran (on this or another worker). */
async function startRun(db: Database, job: string, options: RunOptions): Promise<bigint | null> {
  const rows = await db.$queryRaw<{ id: bigint }[]>`
    INSERT INTO job_run (job, slot, trigger, worker, started_at, outcome)
    VALUES (${job}, ${options.slot ?? null}, ${options.trigger}, ${workerId}, now(), 'running')
    ON CONFLICT (job, slot) DO NOTHING
    RETURNING id`;
  return rows[0]?.id ?? null;
}

async function finishRun(
  db: Database,
  id: bigint,
  outcome: Exclude<RunOutcome, "skipped">,
  error: string | null,
  counts: Record<string, number>,
  warnings: string[],
) {
  await db.$executeRaw`
    UPDATE job_run SET ended_at = now(), outcome = ${outcome}::job_outcome, error = ${error}, counts = ${JSON.stringify(counts)}::jsonb,
      warnings = ${JSON.stringify(warnings)}::jsonb
    WHERE id = ${id}`;
}

/** "timed out after 60000 ms, still waiting for tranco, metric users_total". */
function describeTimeout(timeoutMs: number, inProgress: ReadonlySet<string>): string {
  const waiting = inProgress.size > 0 ? `, still waiting for ${[...inProgress].join(", ")}` : "";
  return `timed out after ${timeoutMs} ms${waiting}`;
}

function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
}

export async function runJob(
  job: Job<string>,
  deps: RunDeps,
  options: RunOptions,
): Promise<RunResult> {
  if (running.has(job.name)) return skipped("the previous run in this process is still going");
  running.add(job.name);
  const log = deps.log.child({
    job: job.name,
    trigger: options.trigger,
    slot: options.slot?.toISOString(),
  });
  try {
    if (options.trigger === "schedule" && options.settings.jitter > 0) {
      await sleep(Math.random() * options.settings.jitter, undefined, { signal: options.shutdown });
    }
    const lock = await tryLock(deps.databaseUrl, job.name);
    if (!lock) return skipped("another worker is running this job");
    try {
      const runId = await startRun(deps.db, job.name, options);
      if (runId === null) return skipped("this tick already ran");
      return await execute(job, deps, options, runId, log);
    } finally {
      await unlock(lock, job.name);
    }
  } catch (error) {
    if (options.shutdown?.aborted) return skipped("the worker is shutting down");
    throw error;
  } finally {
    running.delete(job.name);
  }
}

async function execute(
  job: Job<string>,
  deps: RunDeps,
  options: RunOptions,
  runId: bigint,
  log: Logger,
): Promise<RunResult> {
  const counts: Record<string, number> = {};
  const warnings: string[] = [];
  const controller = new AbortController();
  const inProgress = new Set<string>();
  const deadline = new Date(Date.now() + options.settings.timeout);
  const timer = setTimeout(
    () => controller.abort(new JobTimeout(describeTimeout(options.settings.timeout, inProgress))),
    options.settings.timeout,
  );
  const onShutdown = () => controller.abort(new Error("interrupted: the worker is shutting down"));
  options.shutdown?.addEventListener("abort", onShutdown, { once: true });
  const started = performance.now();
  let outcome: Exclude<RunOutcome, "skipped"> = "success";
  let error: string | null = null;
  try {
    const context = {
      runId,
      db: deps.db,
      config: deps.config,
      log,
      signal: controller.signal,
      deadline,
      inProgress,
      count: (name: string, by = 1) => {
        counts[name] = (counts[name] ?? 0) + by;
      },
      warn: (message: string) => {
        // A run that warns on every sample keeps the first ones; the count says how many.
        if (warnings.length < maxWarnings) warnings.push(message);
        counts.warnings = (counts.warnings ?? 0) + 1;
      },
    };
    await Promise.race([job.run(context), rejectOnAbort(controller.signal)]);
  } catch (caught) {
    outcome = caught instanceof JobTimeout ? "timeout" : "failed";
    error = caught instanceof Error ? caught.message : String(caught);
  } finally {
    clearTimeout(timer);
    options.shutdown?.removeEventListener("abort", onShutdown);
    controller.abort(new Error("run finished"));
  }
  await finishRun(deps.db, runId, outcome, error, counts, warnings);
  const ms = Math.round(performance.now() - started);
  if (warnings.length > 0) log.warn({ warnings }, "job warned");
  // Routine: a healthy demo runs a job every few seconds. LOG_LEVEL=debug shows each.
  if (outcome === "success") log.debug({ ms, counts }, "job succeeded");
  else log.warn({ ms, counts, error }, `job ${outcome}`);
  return { outcome, runId, error, counts, warnings };
}
