// `npm run jobs -- import-ranks <file>` as a founder runs it: the real CLI process, the real
// database, the fixtures in tests/fixtures/ranks.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { root, startCli } from "../support/processes";

let database: TestDatabase;
let folder: string;
let env: Record<string, string>;
const fixture = (name: string) => path.join(root, "tests/fixtures/ranks", name);

beforeAll(async () => {
  database = await createTestDatabase();
  folder = await mkdtemp(path.join(tmpdir(), "liftoff-import-"));
  const configFile = path.join(folder, "liftoff.config.yaml");
  await writeFile(
    configFile,
    `service: { name: Stashbox, domain: stashbox.test }
competitors: [{ name: Boxdrop, domain: boxdrop.test }]
milestones:
  - { kind: country-first, key: first, source: alexa }
sources:
  ranks:
    - { kind: page, key: alexa, url: "http://127.0.0.1:1/{domain}", preset: alexa-2017 }
`,
  );
  env = { DATABASE_URL: database.url, LIFTOFF_CONFIG: configFile, LOG_LEVEL: "warn" };
});
afterAll(() => database?.drop());

async function importFile(...args: string[]) {
  const cli = startCli(["jobs", "import-ranks", ...args], env);
  return { code: await cli.exited, output: cli.output() };
}

const count = () => database.db.rankSample.count();

describe("import-ranks", () => {
  it(
    "imports a CSV history, records the run, and stores it once however often it is imported",
    { timeout: 90_000 },
    async () => {
      const first = await importFile(fixture("rank-history.csv"));
      expect(first.output).toMatch(/import-ranks: success \(samples=\d+/);
      expect(first.code).toBe(0);
      const stored = await count();
      expect(stored).toBeGreaterThan(5);
      const nz = await database.db.rankSample.findMany({
        where: { source: "alexa", scope: "NZ", site: { domain: "stashbox.test" } },
        orderBy: { at: "asc" },
      });
      expect(nz.map((s) => s.rank)).toEqual([2, 1]);
      const run = await database.db.jobRun.findFirstOrThrow({ where: { job: "import-ranks" } });
      expect(run).toMatchObject({ outcome: "success", trigger: "cli" });
      expect(await database.db.milestone.findMany({ select: { key: true } })).toEqual([
        { key: "first:alexa:NZ" },
      ]);

      const again = await importFile(fixture("rank-history.csv"));
      expect(again.code).toBe(0);
      expect(again.output).toMatch(/samples=0/);
      expect(await count()).toBe(stored);
      expect(await database.db.milestone.count()).toBe(1);
    },
  );

  it("imports JSON and an archived alexa page", { timeout: 90_000 }, async () => {
    const before = await count();
    expect((await importFile(fixture("rank-history.json"))).code).toBe(0);
    const page = await importFile(
      fixture("alexa-2017-siteinfo.html"),
      "--source",
      "alexa-archive",
      "--domain",
      "stashbox.test",
      "--at",
      "2017-03-01",
      "--preset",
      "alexa-2017",
    );
    expect(page.output).toMatch(/import-ranks: success/);
    const archived = await database.db.rankSample.findMany({ where: { source: "alexa-archive" } });
    expect(archived.length).toBeGreaterThan(1);
    expect(archived.every((s) => s.at.toISOString() === "2017-03-01T00:00:00.000Z")).toBe(true);
    expect(await count()).toBeGreaterThan(before + archived.length);
  });

  it(
    "refuses a file with one bad row whole, names the row, and keeps what was stored",
    { timeout: 90_000 },
    async () => {
      const before = await count();
      const bad = path.join(folder, "bad.csv");
      await writeFile(
        bad,
        "date,domain,source,scope,rank\n2026-02-01,stashbox.test,tranco,global,900\n2026-02-02,stashbox.test,tranco,global,lots\n",
      );
      const result = await importFile(bad);
      expect(result.code).toBe(1);
      expect(result.output).toMatch(/import-ranks: failed/);
      expect(result.output).toMatch(/line 3/);
      expect(await count()).toBe(before);

      const untracked = path.join(folder, "untracked.json");
      await writeFile(
        untracked,
        JSON.stringify([
          { date: "2026-02-01", domain: "stashbox.test", source: "tranco", rank: 800 },
          { date: "2026-02-01", domain: "nobody.test", source: "majestic", rank: 5 },
        ]),
      );
      const refused = await importFile(untracked);
      expect(refused.code).toBe(1);
      expect(refused.output).toMatch(/nobody\.test is not a tracked site/);
      expect(await count()).toBe(before);
    },
  );

  it("asks for what an archived page does not say", { timeout: 90_000 }, async () => {
    const result = await importFile(fixture("alexa-data.xml"), "--source", "alexa");
    expect(result.code).toBe(64);
    expect(result.output).toMatch(/needs --source <key> --domain <domain> --at/);
  });
});
