// A newcomer's path: `npm start` with no DATABASE_URL creates the embedded PostgreSQL in the data
// folder, migrates it, creates the demo account, serves the dashboard, and stops it all on SIGTERM.
import { existsSync, rmSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { clusterDir, findRunningEmbedded } from "@/lib/database/embedded";
import { freePorts } from "../support/free-port";
import { type Cli, errorLines, startCli } from "../support/processes";

const dir = mkdtempSync(path.join(tmpdir(), "liftoff-start-"));
const dataDir = path.join(dir, "data");
let app: Cli | undefined;

afterAll(async () => {
  if (app && app.child.exitCode === null) {
    app.child.kill("SIGTERM");
    await app.exited;
  }
  // mkdtemp makes a private folder: as root the cluster then lives outside it (see clusterDir).
  rmSync(clusterDir(dataDir), { recursive: true, force: true });
});

describe("npm start on the embedded database", () => {
  it(
    "starts from an empty data folder, prints the demo sign-in, and stops cleanly",
    { timeout: 240_000 },
    async () => {
      const [simPort, port, pgPort] = await freePorts(3);
      const config = path.join(dir, "liftoff.config.yaml");
      writeFileSync(
        config,
        `service: { name: Stashbox, domain: stashbox.test }\nsimulator: { enabled: true, port: ${simPort} }\n`,
      );
      app = startCli(["start"], {
        DATABASE_URL: "",
        LIFTOFF_CONFIG: config,
        LIFTOFF_DATA_DIR: dataDir,
        LIFTOFF_EMBEDDED_PG_PORT: String(pgPort),
        PORT: String(port),
      });
      await app.waitFor("Liftoff is running at", 200_000);
      const output = app.output();
      expect(output).toMatch(/Database: embedded PostgreSQL in .*data/);
      const demo = /Demo sign-in: (founder@liftoff\.local) \/ (\S+)/.exec(output);
      expect(demo).not.toBeNull();
      expect(readFileSync(path.join(dataDir, "demo-sign-in.txt"), "utf8").trim()).toBe(
        `${demo![1]} / ${demo![2]}`,
      );
      expect(existsSync(path.join(clusterDir(dataDir), "PG_VERSION"))).toBe(true);

      // The web server answers, and sign-in works with the printed demo account.
      const signIn = await fetch(`http://127.0.0.1:${port}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: `http://127.0.0.1:${port}` },
        body: JSON.stringify({ email: demo![1], password: demo![2] }),
      });
      expect(signIn.status).toBe(200);
      expect(signIn.headers.get("set-cookie")).toMatch(
        /liftoff\.session_token=.*HttpOnly.*SameSite=Lax/i,
      );

      // Another process (a CLI command) shares the running server rather than starting its own.
      expect(await findRunningEmbedded(dataDir)).toMatch(/^postgresql:\/\/liftoff:/);

      app.child.kill("SIGTERM");
      expect(await app.exited).toBe(0);
      expect(await findRunningEmbedded(dataDir)).toBeNull();
      // A clean stop is not an error.
      expect(errorLines(app.output()), app.output()).toEqual([]);
    },
  );
});
