// `npm start`: one command from a fresh install to a running Liftoff. Refuses when Liftoff already
// runs on this data folder, validates the configuration, brings up the database (embedded unless
// DATABASE_URL), migrates, builds the web app if its sources changed, starts the simulator when
// the configuration asks for the demo, then the web server and the worker as child processes, and
// prints where to sign in, last. Each step says one line. SIGINT, SIGTERM, SIGHUP, or the loss of
// the npm that started it stop everything, the database last; the children stop by themselves if
// this process is killed hard (bin/parent-watch.ts), and the next start clears what it left.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import path from "node:path";
import { authSecret } from "@/lib/auth/secret";
import { ensureFirstFounder, createFounder } from "@/lib/auth/founders";
import { configPath, loadConfig } from "@/lib/config";
import { createDatabase } from "@/lib/database/client";
import { clusterDir } from "@/lib/database/embedded";
import { applyMigrations } from "@/lib/database/migrate";
import { resolveDatabase } from "@/lib/database/resolve";
import { describeDatabase } from "@/lib/database/wait";
import { readEnv } from "@/lib/env";
import { log, logFormat } from "@/lib/log";
import { syncConfig } from "@/lib/setup/sync-config";
import { prepareDemo } from "@/lib/demo/prepare";
import { startSimulator } from "@/simulator/server";
import { exitCodes } from "@/jobs/exit-codes";
import {
  answers,
  claimState,
  releaseState,
  runningLiftoff,
  writeState,
  banner,
} from "./launch-state";
import type { LaunchState } from "./launch-state";
import { watchParent } from "./parent-watch";
import { portTakenMessage } from "./port-taken";

const root = path.resolve(import.meta.dirname, "..");
const sourceDirs = ["app", "components", "lib", "public"];
const sourceFiles = ["next.config.js", "package-lock.json", "tsconfig.json"];
/** How long a child has to stop after SIGTERM before it is killed: all stops within 10 s. */
const childGraceMs = 7_000;

/** A refusal to start, written for a person: printed as it is, exit code 1 (see bin/liftoff.ts). */
export class LaunchRefusedError extends Error {
  override name = "LaunchRefusedError";
}

function newestSourceTime(): number {
  let newest = 0;
  const visit = (file: string) => {
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      if (path.basename(file) === "generated") return;
      for (const entry of readdirSync(file)) visit(path.join(file, entry));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const entry of [...sourceDirs, ...sourceFiles]) visit(path.join(root, entry));
  return newest;
}

/** Why the web app must be built before it can serve, or null when its build is current. */
export function buildReason(): string | null {
  const stamp = statSync(path.join(root, ".next", "BUILD_ID"), { throwIfNoEntry: false });
  if (!stamp) return "first start only, about 2 minutes";
  return newestSourceTime() > stamp.mtimeMs
    ? "sources changed since the last build, about 2 minutes"
    : null;
}

/** True when there is no production build or a source file is newer than it. */
export function needsBuild(): boolean {
  return buildReason() !== null;
}

/** Fails with a one-line message when another program listens on `port` already. */
async function ensurePortFree(port: number): Promise<void> {
  const taken = await new Promise<boolean>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) =>
      error.code === "EADDRINUSE" ? resolve(true) : reject(error),
    );
    probe.listen(port, () => probe.close(() => resolve(false)));
  });
  if (taken) throw new LaunchRefusedError(portTakenMessage(port));
}

/** Resolves when the web front answers; null when `stop` was aborted first. */
async function waitForHttp(port: number, child: ChildProcess, stop: AbortSignal): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!stop.aborted) {
    if (child.exitCode !== null) throw new ChildFailedError("web server", child.exitCode);
    if (await answers(port, stop)) return;
    if (Date.now() > deadline) {
      throw new Error(`the web server did not answer on port ${port} within 60 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Resolves when the worker says it is ready (or `stop` is aborted). */
function waitForWorker(child: ChildProcess, stop: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    child.on("message", (message) => {
      if ((message as { liftoff?: string })?.liftoff === "ready") resolve();
    });
    child.once("exit", (code) => reject(new ChildFailedError("worker", code)));
    stop.addEventListener("abort", () => resolve(), { once: true });
  });
}

/** A child that ended on its own (it logged why itself). */
class ChildFailedError extends Error {
  override name = "ChildFailedError";
  constructor(
    readonly which: string,
    readonly code: number | null,
  ) {
    super(`the ${which} exited with code ${code}`);
  }
}

/** SIGTERM, then SIGKILL if the child has not exited after `graceMs`. */
async function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => {
    log.warn(`process ${child.pid} did not stop within ${graceMs / 1000} s; killing it`);
    child.kill("SIGKILL");
  }, graceMs);
  await exited;
  clearTimeout(timer);
}

/** A child of the launcher: in its own process group (the terminal's signals reach only the
 * launcher, which stops everything in order) and with an IPC channel it watches. */
function spawnChild(args: string[], env: NodeJS.ProcessEnv, name: string): ChildProcess {
  return spawn(process.execPath, [...process.execArgv, ...args], {
    cwd: root,
    env: { ...env, LIFTOFF_PROCESS: name },
    detached: true,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
}

/** Runs `next build`, killed when `stop` is aborted; its exit code. */
function build(env: NodeJS.ProcessEnv, stop: AbortSignal): Promise<number> {
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, "build"], {
      cwd: root,
      env,
      detached: true,
      stdio: ["ignore", "inherit", "inherit"],
    });
    const onStop = () => stopChild(child, childGraceMs);
    stop.addEventListener("abort", onStop, { once: true });
    child.once("error", reject);
    child.once("exit", (code) => {
      stop.removeEventListener("abort", onStop);
      resolve(code ?? 1);
    });
  });
}

/** The demo account: created once when the simulator demo runs and nobody can sign in yet. */
async function ensureDemoFounder(url: string, dataDir: string): Promise<string | null> {
  const db = createDatabase(url, { max: 2 });
  try {
    if ((await db.user.count()) > 0) return null;
    const password = randomBytes(9).toString("base64url");
    const founder = await createFounder(db, {
      email: "founder@liftoff.local",
      password,
      name: "Demo founder",
    });
    const line = `${founder.email} / ${password}`;
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(path.join(dataDir, "demo-sign-in.txt"), `${line}\n`, { mode: 0o600 });
    return line;
  } finally {
    await db.$disconnect();
  }
}

/** Aborted, with the reason as a phrase, on SIGINT/SIGTERM/SIGHUP or when npm above is gone. */
function stopSignal(): AbortController {
  const stop = new AbortController();
  let first = 0;
  for (const name of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    // Installed for good: a second Ctrl-C while stopping must not cut the stop short. Under
    // `npm start` one Ctrl-C comes twice (from the terminal, and passed on by npm): only a later
    // one is a person asking again.
    process.on(name, () => {
      if (!stop.signal.aborted) {
        first = performance.now();
        stop.abort(name);
      } else if (performance.now() - first > 1_000)
        log.info("still stopping; it takes a few seconds");
    });
  }
  watchParent((why) => stop.abort(why));
  return stop;
}

export async function launch(): Promise<number> {
  const started = performance.now();
  const settings = readEnv();
  const config = loadConfig(configPath(settings.LIFTOFF_CONFIG));
  const dataDir = path.resolve(settings.LIFTOFF_DATA_DIR);
  const url = settings.LIFTOFF_BASE_URL ?? `http://localhost:${settings.PORT}`;
  const alreadyRunning = (other: LaunchState) =>
    new LaunchRefusedError(`Liftoff is already running at ${other.url} (pid ${other.pid})`);

  // Before anything is touched: the data folder, then the port.
  const running = runningLiftoff(dataDir);
  if (running) throw alreadyRunning(running);
  await ensurePortFree(settings.PORT);
  mkdirSync(dataDir, { recursive: true });
  const state: LaunchState = {
    pid: process.pid,
    url,
    port: settings.PORT,
    started: new Date().toISOString(),
    database: settings.DATABASE_URL
      ? `PostgreSQL at ${describeDatabase(settings.DATABASE_URL)} (DATABASE_URL)`
      : `embedded PostgreSQL in ${dataDir}`,
    demoSignIn: null,
    ready: false,
  };
  const other = claimState(dataDir, state);
  if (other) throw alreadyRunning(other);

  const stop = stopSignal();
  const children: ChildProcess[] = [];
  let database: Awaited<ReturnType<typeof resolveDatabase>> | undefined;
  let simulator: Awaited<ReturnType<typeof startSimulator>> | undefined;

  const shutdown = async (code: number) => {
    const reason = stop.signal.reason as string | undefined;
    if (reason) log.info(`stopping Liftoff (${reason})`);
    else stop.abort("shutdown");
    await Promise.all(children.map((child) => stopChild(child, childGraceMs)));
    await simulator?.close();
    if (database?.owned) await database.stop();
    releaseState(dataDir);
    if (reason) log.info("Liftoff stopped");
    return code;
  };

  try {
    database = await resolveDatabase(settings, log, { migrate: false, clearLeftovers: true });
    log.info(
      database.embedded
        ? `database: embedded PostgreSQL in ${clusterDir(dataDir)}`
        : `database: PostgreSQL at ${describeDatabase(database.url)}`,
    );
    if (stop.signal.aborted) return await shutdown(0);

    const applied = await applyMigrations(database.url);
    log.info(
      applied.length > 0 ? `migrations: applied ${applied.length}` : "migrations: up to date",
    );
    if (applied.length > 0) log.debug({ applied }, "migrations applied");
    const db = createDatabase(database.url, { max: 2 });
    try {
      await syncConfig(db, config);
      await ensureFirstFounder(db, settings.LIFTOFF_ADMIN_EMAIL, settings.LIFTOFF_ADMIN_PASSWORD);
    } finally {
      await db.$disconnect();
    }
    const demoSignIn = config.simulator?.enabled
      ? await ensureDemoFounder(database.url, dataDir)
      : null;
    const demoFile = path.join(dataDir, "demo-sign-in.txt");
    state.demoSignIn = existsSync(demoFile) ? demoFile : null;
    if (stop.signal.aborted) return await shutdown(0);

    // The children log as this process does, even when their stdout is a pipe to the terminal.
    const colour = process.stdout.isTTY && !("NO_COLOR" in process.env) ? { FORCE_COLOR: "1" } : {};
    const childEnv: NodeJS.ProcessEnv = {
      ...colour,
      ...process.env,
      DATABASE_URL: database.url,
      LIFTOFF_AUTH_SECRET: authSecret(settings),
      LOG_FORMAT: logFormat(),
      NEXT_TELEMETRY_DISABLED: "1",
      CHECKPOINT_DISABLE: "1",
    };
    // The demo's launch week is written while the web app builds: both take a while.
    const demo = config.simulator?.enabled
      ? prepareDemo({ databaseUrl: database.url, config, log })
      : null;
    demo?.catch(() => undefined); // awaited below; a failure is reported there
    const reason = buildReason();
    if (reason) {
      log.info(`building the web app (${reason})`);
      const buildStarted = performance.now();
      const code = await build(childEnv, stop.signal);
      if (stop.signal.aborted) return await shutdown(0);
      if (code !== 0) {
        log.error(`the web app did not build (next build exited with code ${code})`);
        return await shutdown(code);
      }
      log.info(`web app built in ${Math.round((performance.now() - buildStarted) / 1000)} s`);
    } else log.info("web app: the build is up to date");

    if (config.simulator?.enabled && demo) {
      const sim = config.simulator;
      const { launchAt } = await demo;
      if (stop.signal.aborted) return await shutdown(0);
      simulator = await startSimulator({
        port: sim.port,
        speed: sim.speed,
        launchAt,
        scenarioPath: path.resolve(root, sim.scenario),
      });
      const hours = (Date.now() - launchAt.getTime()) / 3_600_000;
      log.info(
        `launch simulator at ${simulator.url}: Stashbox ${Math.floor(hours)} hours after its launch` +
          (sim.speed === 1 ? ", in real time" : `, at ${sim.speed}x speed`),
      );
      // The demo's Radar is the simulator's: hand its token to Radar sources left without one.
      for (const source of config.sources.ranks) {
        if (source.kind === "cloudflare-radar" && !childEnv[source.tokenEnv]) {
          childEnv[source.tokenEnv] = simulator.radarToken;
        }
      }
    }
    if (stop.signal.aborted) return await shutdown(0);

    const web = spawnChild(
      [path.join(root, "bin", "web.ts")],
      { ...childEnv, PORT: String(settings.PORT) },
      "web",
    );
    const worker = spawnChild([path.join(root, "bin", "liftoff.ts"), "worker"], childEnv, "worker");
    children.push(web, worker);
    await Promise.all([
      waitForHttp(settings.PORT, web, stop.signal),
      waitForWorker(worker, stop.signal),
    ]);
    if (stop.signal.aborted) return await shutdown(0);

    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    state.ready = true;
    writeState(dataDir, state);
    process.stdout.write(
      banner(state, `Liftoff is running at ${url} (ready in ${seconds} s)`, demoSignIn),
    );

    // Until a signal, or a child ends on its own (it logged why; this says what follows).
    const failed = await new Promise<ChildFailedError | null>((resolve) => {
      stop.signal.addEventListener("abort", () => resolve(null), { once: true });
      for (const [child, which] of [
        [web, "web server"],
        [worker, "worker"],
      ] as const) {
        child.once("exit", (code) => resolve(new ChildFailedError(which, code)));
      }
    });
    if (failed) log.error(`${failed.message}; stopping Liftoff`);
    return await shutdown(failed ? failed.code || 1 : 0);
  } catch (error) {
    if (error instanceof ChildFailedError) {
      // The web server refusing a taken port said so in one line already.
      if (error.code !== exitCodes.config)
        log.error(`${error.message} while Liftoff was starting; stopping`);
      return await shutdown(1);
    }
    await shutdown(1);
    throw error;
  }
}
