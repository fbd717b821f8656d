// Liftoff as a founder runs it, for browser tests: `liftoff start` (the launcher: build if needed,
// web and worker) against a test database of its own with the given configuration, and a
// founder's sign-in through the real form.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { createTestDatabase, type TestDatabase } from "./database";
import { freePorts } from "./free-port";
import { type Cli, startCli } from "./processes";

export type RunningApp = {
  app: Cli;
  database: TestDatabase;
  /** http://127.0.0.1:<port> */
  base: string;
  stop(): Promise<void>;
};

export const founder = { email: "founder@stashbox.test", password: "a long test password" };

/** Starts the app on `config`; resolves once it serves pages and has synced the configuration. */
export async function startApp(
  name: string,
  config: string,
  env: Record<string, string> = {},
): Promise<RunningApp> {
  const database = await createTestDatabase();
  const dir = mkdtempSync(path.join(tmpdir(), `liftoff-${name}-`));
  const file = path.join(dir, "liftoff.config.yaml");
  writeFileSync(file, config);
  const [port] = await freePorts(1);
  const app = startCli(["start"], {
    DATABASE_URL: database.url,
    LIFTOFF_CONFIG: file,
    LIFTOFF_DATA_DIR: path.join(dir, "data"),
    LIFTOFF_ADMIN_EMAIL: founder.email,
    LIFTOFF_ADMIN_PASSWORD: founder.password,
    LIFTOFF_AUTH_SECRET: `${name}-browser-test-secret-0123456789abcdefghij`,
    PORT: String(port),
    TZ: "UTC",
    ...env,
  });
  await app.waitFor("Liftoff is running at", 170_000);
  return {
    app,
    database,
    base: `http://127.0.0.1:${port}`,
    async stop() {
      // An app that stopped early says why here, rather than as a refused connection.
      if (app.child.exitCode !== null) {
        console.error(`liftoff start exited with ${app.child.exitCode}:\n${app.output()}`);
      } else {
        app.child.kill("SIGTERM");
        await app.exited;
      }
      await database.drop();
    },
  };
}

/** Opens `target`, is sent to sign-in, signs in as the founder and lands back on `target`. */
export async function signIn(browser: BrowserContext, base: string, target: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${base}${target}`);
  await page.waitForURL(/\/sign-in/);
  await page.getByLabel("Email").fill(founder.email);
  await page.getByLabel("Password").fill(founder.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === new URL(target, base).pathname);
  return page;
}
