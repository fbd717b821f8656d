// `liftoff web` as `npm start` runs it (the front server, Next.js behind it), against a test
// database of its own with the given configuration synced. Needs the production build.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseConfig } from "@/lib/config";
import { syncConfig } from "@/lib/setup/sync-config";
import { createTestDatabase, type TestDatabase } from "./database";
import { freePorts } from "./free-port";
import { type Cli, startCli } from "./processes";

export type RunningWebFront = {
  web: Cli;
  database: TestDatabase;
  /** http://127.0.0.1:<port> */
  base: string;
  /** The front's own children: Next.js. */
  nextPids(): number[];
  stop(): Promise<void>;
};

/** Starts `liftoff web`; resolves once the front listens (Next.js may still be starting). */
export async function startWebFront(
  name: string,
  configText: string,
  env: Record<string, string> = {},
): Promise<RunningWebFront> {
  const dir = mkdtempSync(path.join(tmpdir(), `liftoff-${name}-`));
  const database = await createTestDatabase();
  const configFile = path.join(dir, "liftoff.config.yaml");
  writeFileSync(configFile, configText);
  await syncConfig(database.db, parseConfig(configText, configFile));
  const [port] = await freePorts(1);
  const web = startCli(["web"], {
    DATABASE_URL: database.url,
    LIFTOFF_CONFIG: configFile,
    LIFTOFF_DATA_DIR: path.join(dir, "data"),
    LIFTOFF_AUTH_SECRET: `${name}-test-secret-0123456789abcdefghijklmnop`,
    PORT: String(port),
    ...env,
  });
  await web.waitFor("web server listening", 60_000);
  return {
    web,
    database,
    base: `http://127.0.0.1:${port}`,
    nextPids() {
      try {
        return execFileSync("pgrep", ["-P", String(web.child.pid)], { encoding: "utf8" })
          .split("\n")
          .filter(Boolean)
          .map(Number);
      } catch {
        return []; // pgrep exits 1 when there is none
      }
    },
    async stop() {
      if (web.child.exitCode === null) {
        web.child.kill("SIGTERM");
        await web.exited;
      }
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
