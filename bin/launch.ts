// `npm start`: one command from a fresh install to a running Liftoff. Validates the configuration,
// brings up the database (embedded unless DATABASE_URL), migrates, builds the web app if its
// sources changed, starts the simulator when the configuration asks for the demo, then the web
// server and the worker as child processes, and prints where to sign in.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { authSecret } from "@/lib/auth/secret";
import { ensureFirstFounder, createFounder } from "@/lib/auth/founders";
import { configPath, loadConfig } from "@/lib/config";
import { createDatabase } from "@/lib/database/client";
import { resolveDatabase } from "@/lib/database/resolve";
import { readEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { syncConfig } from "@/lib/setup/sync-config";
import { startSimulator } from "@/simulator/server";

const root = path.resolve(import.meta.dirname, "..");
const sourceDirs = ["app", "components", "lib", "public"];
const sourceFiles = ["next.config.js", "package-lock.json", "tsconfig.json"];

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

/** True when there is no production build or a source file is newer than it. */
export function needsBuild(): boolean {
  const stamp = statSync(path.join(root, ".next", "BUILD_ID"), { throwIfNoEntry: false });
  return !stamp || newestSourceTime() > stamp.mtimeMs;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
    child.once("error", reject);
    child.once("exit", (code) => resolve(code ?? 1));
  });
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the web server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(2_000) });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the web server did not answer at ${url} within ${timeoutMs / 1000} s`);
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
    mkdirSync(path.resolve(dataDir), { recursive: true });
    writeFileSync(path.resolve(dataDir, "demo-sign-in.txt"), `${line}\n`, { mode: 0o600 });
    return line;
  } finally {
    await db.$disconnect();
  }
}

export async function launch(): Promise<number> {
  const started = performance.now();
  const settings = readEnv();
  const config = loadConfig(configPath(settings.LIFTOFF_CONFIG));
  const database = await resolveDatabase(settings, log);
  const children: ChildProcess[] = [];
  let simulator: Awaited<ReturnType<typeof startSimulator>> | undefined;

  const shutdown = async (code: number) => {
    await Promise.all(children.map((child) => stopChild(child, 15_000)));
    await simulator?.close();
    if (database.owned) await database.stop();
    return code;
  };

  try {
    const db = createDatabase(database.url, { max: 2 });
    try {
      await syncConfig(db, config);
      await ensureFirstFounder(db, settings.LIFTOFF_ADMIN_EMAIL, settings.LIFTOFF_ADMIN_PASSWORD);
    } finally {
      await db.$disconnect();
    }
    const demoSignIn = config.simulator?.enabled
      ? await ensureDemoFounder(database.url, settings.LIFTOFF_DATA_DIR)
      : null;

    const childEnv: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: database.url,
      LIFTOFF_AUTH_SECRET: authSecret(settings),
      NEXT_TELEMETRY_DISABLED: "1",
      CHECKPOINT_DISABLE: "1",
    };
    const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
    if (needsBuild()) {
      log.info("building the web app (sources changed since the last build)");
      const code = await run(process.execPath, [nextBin, "build"], childEnv);
      if (code !== 0) return await shutdown(code);
    }

    if (config.simulator?.enabled) {
      const sim = config.simulator;
      simulator = await startSimulator({
        port: sim.port,
        speed: sim.speed,
        startOffsetHours: sim.startOffsetHours,
        scenarioPath: path.resolve(root, sim.scenario),
      });
      log.info(`launch simulator at ${simulator.url} (x${sim.speed})`);
      // The demo's Radar is the simulator's: hand its token to Radar sources left without one.
      for (const source of config.sources.ranks) {
        if (source.kind === "cloudflare-radar" && !childEnv[source.tokenEnv]) {
          childEnv[source.tokenEnv] = simulator.radarToken;
        }
      }
    }

    const web = spawn(process.execPath, [...process.execArgv, path.join(root, "bin", "web.ts")], {
      cwd: root,
      env: { ...childEnv, PORT: String(settings.PORT) },
      stdio: "inherit",
    });
    const worker = spawn(
      process.execPath,
      [...process.execArgv, path.join(root, "bin", "liftoff.ts"), "worker"],
      {
        cwd: root,
        env: childEnv,
        stdio: "inherit",
      },
    );
    children.push(web, worker);

    const url = settings.LIFTOFF_BASE_URL ?? `http://localhost:${settings.PORT}`;
    await waitForHttp(`http://127.0.0.1:${settings.PORT}/sign-in`, web, 60_000);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const lines = [
      "",
      `  Liftoff is running at ${url} (ready in ${seconds} s)`,
      `  Database: ${database.embedded ? `embedded PostgreSQL in ${path.resolve(settings.LIFTOFF_DATA_DIR)}` : "DATABASE_URL"}`,
      demoSignIn
        ? `  Demo sign-in: ${demoSignIn}`
        : existsSync(path.resolve(settings.LIFTOFF_DATA_DIR, "demo-sign-in.txt"))
          ? `  Demo sign-in: see ${path.resolve(settings.LIFTOFF_DATA_DIR, "demo-sign-in.txt")}`
          : "",
      "",
    ];
    process.stdout.write(
      `${lines.filter((l, i) => l || i === 0 || i === lines.length - 1).join("\n")}\n`,
    );

    const exit = await new Promise<number>((resolve) => {
      for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => resolve(0));
      for (const child of children) {
        child.once("exit", (code) => {
          log.error(
            `${child === web ? "web server" : "worker"} exited with code ${code}; stopping Liftoff`,
          );
          resolve(code || 1);
        });
      }
    });
    return await shutdown(exit);
  } catch (error) {
    await shutdown(1);
    throw error;
  }
}
