// `npm start` as a person runs it, stopped every way a person (or a terminal, or a crash) stops
// it: SIGINT to the process group (Ctrl-C), SIGTERM to npm, SIGTERM to the launcher, SIGHUP (the
// terminal closed), SIGKILL of the launcher. Each time every process of the tree is gone within
// 10 s, a clean stop logs no error, and the next start opens the data folder cleanly. One data
// folder serves the whole file, each start picking up after the one before.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exitCodes } from "@/jobs/exit-codes";
import { clusterDir } from "@/lib/database/embedded";
import { freePorts } from "../support/free-port";
import {
  type Cli,
  type TreeProcess,
  descendants,
  errorLines,
  isRunning,
  startCli,
  startNpm,
  waitUntilGone,
} from "../support/processes";

const stopBoundMs = 10_000;
const dir = mkdtempSync(path.join(tmpdir(), "liftoff-process-"));
const dataDir = path.join(dir, "data");
const config = path.join(dir, "liftoff.config.yaml");
let env: Record<string, string>;
let port: number;
const started: Cli[] = [];
/** What each stop took, printed at the end. */
const timings: string[] = [];

beforeAll(async () => {
  const [simPort, webPort, pgPort] = await freePorts(3);
  port = webPort!;
  writeFileSync(
    config,
    `service: { name: Stashbox, domain: stashbox.test }\nsimulator: { enabled: true, port: ${simPort} }\n`,
  );
  env = {
    DATABASE_URL: "",
    LIFTOFF_CONFIG: config,
    LIFTOFF_DATA_DIR: dataDir,
    LIFTOFF_EMBEDDED_PG_PORT: String(pgPort),
    PORT: String(port),
    LOG_FORMAT: "",
  };
});

afterAll(async () => {
  for (const app of started) {
    if (app.child.exitCode !== null || app.child.signalCode !== null) continue;
    try {
      process.kill(-app.child.pid!, "SIGTERM");
    } catch {
      app.child.kill("SIGTERM");
    }
    await app.exited;
  }
  if (timings.length > 0) console.info(`stop timings:\n${timings.join("\n")}`);
  // mkdtemp makes a private folder: as root the cluster then lives outside it (see clusterDir).
  rmSync(clusterDir(dataDir), { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

type Running = { app: Cli; tree: TreeProcess[]; launcher: number; postmaster: number };

/** `npm start` up to its banner, and the processes it made. */
async function start(): Promise<Running> {
  const began = performance.now();
  const app = startNpm(["start"], env);
  started.push(app);
  await app.waitFor("Liftoff is running at", 240_000);
  timings.push(`start to banner: ${Math.round(performance.now() - began)} ms`);
  const state = JSON.parse(readFileSync(path.join(dataDir, "liftoff.json"), "utf8")) as {
    pid: number;
  };
  const tree = descendants(app.child.pid!);
  const postmaster = Number(
    readFileSync(path.join(clusterDir(dataDir), "postmaster.pid"), "utf8").split("\n")[0],
  );
  // npm, tsx, the launcher, the web front, Next.js, the worker, PostgreSQL and its helpers.
  expect(tree.map((p) => p.pid)).toContain(state.pid);
  expect(tree.map((p) => p.pid)).toContain(postmaster);
  expect(tree.some((p) => p.command.includes("bin/web.ts"))).toBe(true);
  expect(tree.some((p) => p.command.startsWith("next-server"))).toBe(true);
  expect(tree.some((p) => p.command.endsWith("liftoff.ts worker"))).toBe(true);
  return {
    app,
    tree: [{ pid: app.child.pid!, command: "npm start" }, ...tree],
    launcher: state.pid,
    postmaster,
  };
}

/** Signals, then checks the whole tree is gone in time and nothing was logged as an error. */
async function stopCleanly(running: Running, what: string, signal: () => void): Promise<void> {
  const since = performance.now();
  signal();
  const ms = await waitUntilGone(running.tree, stopBoundMs, since).catch((error: Error) => {
    throw new Error(`${error.message}\n${running.app.output()}`);
  });
  timings.push(`${what}: everything gone in ${Math.round(ms)} ms`);
  const output = running.app.output();
  expect(errorLines(output), output).toEqual([]);
  expect(output).not.toMatch(/^\s+at /m); // no stack trace
  expect(output).toContain("Liftoff stopped");
}

/** The data folder opened without finding anything a crash left. */
function expectCleanOpen(app: Cli): void {
  expect(app.output()).not.toMatch(
    /left running by an earlier start|did not stop PostgreSQL cleanly/,
  );
}

describe("npm start, stopped every way", { timeout: 300_000 }, () => {
  it("stops everything on Ctrl-C (SIGINT to the process group)", async () => {
    const running = await start();
    await stopCleanly(running, "SIGINT to the group", () =>
      process.kill(-running.app.child.pid!, "SIGINT"),
    );
  });

  it("stops everything on SIGTERM to npm; status and a second start meanwhile", async () => {
    const running = await start();
    expectCleanOpen(running.app);

    const status = startCli(["status"], env);
    expect(await status.exited).toBe(0);
    expect(status.output()).toContain(
      `Liftoff is running at http://localhost:${port} (pid ${running.launcher}`,
    );
    expect(status.output()).toMatch(/Database: embedded PostgreSQL in /);
    expect(status.output()).toContain("Demo sign-in: see ");

    const second = startNpm(["start", "--silent"], env);
    expect(await second.exited).toBe(1);
    expect(second.output().trim()).toBe(
      `Liftoff is already running at http://localhost:${port} (pid ${running.launcher})`,
    );

    await stopCleanly(running, "SIGTERM to npm", () =>
      process.kill(running.app.child.pid!, "SIGTERM"),
    );
    const after = startCli(["status"], env);
    expect(await after.exited).toBe(1);
    expect(after.output().trim()).toBe("Liftoff is not running.");
  });

  it("stops everything on SIGTERM to the launcher", async () => {
    const running = await start();
    expectCleanOpen(running.app);
    await stopCleanly(running, "SIGTERM to the launcher", () =>
      process.kill(running.launcher, "SIGTERM"),
    );
  });

  it("stops everything on SIGHUP (the terminal closed)", async () => {
    const running = await start();
    expectCleanOpen(running.app);
    await stopCleanly(running, "SIGHUP to the group", () =>
      process.kill(-running.app.child.pid!, "SIGHUP"),
    );
  });

  it("stops serving when the launcher is killed hard; the next start stops the PostgreSQL it left", async () => {
    const running = await start();
    expectCleanOpen(running.app);
    const since = performance.now();
    process.kill(running.launcher, "SIGKILL");
    // Everything but PostgreSQL goes by itself (it has no way to notice): the next start stops it.
    const postgres = running.tree.filter(
      (p) => p.command.startsWith("postgres") || p.pid === running.postmaster,
    );
    const rest = running.tree.filter((p) => !postgres.includes(p));
    const ms = await waitUntilGone(rest, stopBoundMs, since);
    timings.push(`SIGKILL to the launcher: all but PostgreSQL gone in ${Math.round(ms)} ms`);
    expect(isRunning(running.postmaster)).toBe(true);

    const next = await start();
    expect(next.app.output()).toContain(
      `found the embedded PostgreSQL left running by an earlier start (pid ${running.postmaster}); stopping it`,
    );
    expect(isRunning(running.postmaster)).toBe(false);

    // A crash that took PostgreSQL with it leaves only its lock file: the next start copes.
    process.kill(next.launcher, "SIGKILL");
    process.kill(next.postmaster, "SIGKILL");
    const nextRest = next.tree.filter(
      (p) => p.pid !== next.postmaster && !p.command.startsWith("postgres"),
    );
    await waitUntilGone(nextRest, stopBoundMs);
    await waitUntilGone(next.tree, stopBoundMs); // PostgreSQL's helpers follow their postmaster
    const third = await start();
    expect(third.app.output()).toContain("did not stop PostgreSQL cleanly");
    await stopCleanly(third, "SIGINT after recovering", () =>
      process.kill(-third.app.child.pid!, "SIGINT"),
    );
  });

  it("refuses a port another program holds, in one line", async () => {
    const holder = createServer();
    await new Promise<void>((resolve, reject) =>
      holder.once("error", reject).listen(port, resolve),
    );
    try {
      const message = `Port ${port} is already in use by another program: stop it, or set PORT to a free port (PORT=3001 npm start).`;
      const app = startCli(["start"], env);
      expect(await app.exited).toBe(1);
      expect(app.output().trim()).toBe(message);
      // The web server alone (or losing a race for the port) says the same.
      const web = startCli(["web"], env);
      expect(await web.exited).toBe(exitCodes.config);
      expect(web.output().trim()).toBe(message);
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });
});
