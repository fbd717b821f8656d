// `npm start` as a newcomer runs it: the documented example configuration (the demo), on a test
// database of its own, with the simulator and the web server on free ports.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "./database";
import { freePorts } from "./free-port";
import { type Cli, root, startCli } from "./processes";

export type ExampleApp = {
  app: Cli;
  /** The web server's address, http://127.0.0.1:<port>. */
  base: string;
  database: TestDatabase;
  /** SIGTERM, then the database dropped. */
  stop(): Promise<void>;
};

/** Starts the launcher on the example and resolves once it has printed its banner. */
export async function startExampleApp(
  env: (base: string) => Record<string, string> = () => ({}),
  readyWithinMs = 200_000,
): Promise<ExampleApp> {
  const database = await createTestDatabase();
  const dir = mkdtempSync(path.join(tmpdir(), "liftoff-example-"));
  const config = path.join(dir, "liftoff.config.yaml");
  const [simPort, port] = await freePorts(2);
  const example = readFileSync(path.join(root, "liftoff.config.example.yaml"), "utf8");
  if (!example.includes("port: 4100")) throw new Error("the example no longer names port 4100");
  writeFileSync(
    config,
    example
      .replaceAll("http://127.0.0.1:4100", `http://127.0.0.1:${simPort}`)
      .replace("port: 4100", `port: ${simPort}`),
  );
  const base = `http://127.0.0.1:${port}`;
  const app = startCli(["start"], {
    DATABASE_URL: database.url,
    LIFTOFF_CONFIG: config,
    LIFTOFF_DATA_DIR: path.join(dir, "data"),
    PORT: String(port),
    ...env(base),
  });
  const stop = async () => {
    if (app.child.exitCode === null) {
      app.child.kill("SIGTERM");
      await app.exited;
    }
    await database.drop();
  };
  await app.waitFor("Liftoff is running at", readyWithinMs).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { app, base, database, stop };
}
