// Once per test run, before any worker starts: the PostgreSQL the tests create their databases on
// and the Chromium the browser tests drive, handed to every worker through `provide`/`inject`
// (tests/support/database.ts and browser.ts read them). Each says in one line which it is.
import type { TestProject } from "vitest/node";
import { findChromium, machineChromium } from "./find-chromium";
import { chooseTestPostgres } from "./test-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    databaseAdminUrl: string;
    chromiumPath: string;
  }
}

export default async function setup({ provide }: TestProject) {
  const chromium = await findChromium(process.env, machineChromium).catch((error: Error) => {
    // Nothing has started yet: stop the run here, with the one line that says what to do.
    console.error(error.message);
    process.exit(1);
  });
  const postgres = await chooseTestPostgres();
  console.log(`Tests use ${postgres.description}; browser tests use ${chromium.description}.`);
  provide("databaseAdminUrl", postgres.adminUrl);
  provide("chromiumPath", chromium.path);
  return () => postgres.stop();
}
