// `npm run jobs -- run <job>` as a real child process: each way a run can go has its own exit
// code, so a cron line or a CI step can tell a broken configuration from a run that timed out.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exitCodes } from "@/jobs/exit-codes";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { freePort } from "../support/free-port";
import { startHttpServer } from "../support/http-server";
import { startCli } from "../support/processes";

let database: TestDatabase;
let server: Awaited<ReturnType<typeof startHttpServer>>;
const dir = mkdtempSync(path.join(tmpdir(), "liftoff-exit-codes-"));

function configFile(name: string, yaml: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, yaml);
  return file;
}

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startHttpServer({ "/hang/stashbox.test": () => undefined });
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

async function runIngestRanks(config: string) {
  const cli = startCli(["jobs", "run", "ingest-ranks"], {
    DATABASE_URL: database.url,
    LIFTOFF_CONFIG: config,
    LOG_LEVEL: "silent",
  });
  return { code: await cli.exited, output: cli.output() };
}

describe("the exit code of `jobs run`", () => {
  it(
    "for a bad configuration is EX_CONFIG, naming the key, not a timeout's",
    { timeout: 60_000 },
    async () => {
      const bad = configFile(
        "bad.yaml",
        `service: { name: Stashbox, domain: stashbox.test }
sources:
  ranks:
    - { kind: page, key: hung, url: "${server.url}/hang/{domain}", selectors: { global: "#rank" }, timeout: soon }
`,
      );
      const { code, output } = await runIngestRanks(bad);
      expect(code).toBe(exitCodes.config);
      expect(exitCodes.config).toBe(78);
      expect(output).toContain("sources.ranks[0].timeout");
      expect(await database.db.jobRun.count()).toBe(0);
    },
  );

  it("for a run that times out is 2, naming what it waited for", { timeout: 60_000 }, async () => {
    const slow = configFile(
      "slow.yaml",
      `service: { name: Stashbox, domain: stashbox.test }
sources:
  ranks:
    - { kind: page, key: hung, url: "${server.url}/hang/{domain}", selectors: { global: "#rank" }, timeout: 60s }
jobs:
  ingest-ranks: { schedule: "0 * * * *", timeout: 1s }
`,
    );
    const { code, output } = await runIngestRanks(slow);
    expect(code).toBe(exitCodes.timeout);
    expect(exitCodes.timeout).toBe(2);
    expect(output).toContain(
      "ingest-ranks: timeout\ntimed out after 1000 ms, still waiting for hung",
    );
  });

  it(
    "for a database that cannot be reached is EX_UNAVAILABLE, after 30 s of trying",
    { timeout: 120_000 },
    async () => {
      const config = configFile("ok.yaml", "service: { name: Stashbox, domain: stashbox.test }\n");
      const nobody = `postgresql://postgres@127.0.0.1:${await freePort()}/liftoff`;
      const cli = startCli(["jobs", "run", "ingest-ranks"], {
        DATABASE_URL: nobody,
        LIFTOFF_CONFIG: config,
      });
      expect(await cli.exited).toBe(exitCodes.databaseUnreachable);
      expect(cli.output()).toMatch(
        /PostgreSQL at 127\.0\.0\.1:\d+\/liftoff could not be reached within 30 s/,
      );
    },
  );
});
