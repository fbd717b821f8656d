// `npm run db:seed` as a real process: it seeds an empty database, refuses one that holds the
// service's data (exit 1, one line saying what --force would remove), and with --force removes
// that data and seeds again.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { root } from "../support/processes";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

function seed(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(root, "bin/seed.ts"), ...args],
    {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        LIFTOFF_CONFIG: path.join(root, "liftoff.config.example.yaml"),
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, stdout, stderr })));
}

describe("npm run db:seed", () => {
  it("seeds an empty database and says what it wrote", async () => {
    const run = await seed([]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Seeded the launch week: launch \S+Z, now \S+Z$/m);
    expect(run.stdout).toMatch(/milestones: \d+, posts: \d+ \(dry run\)/);
    expect(run.stdout).toMatch(/took \d+\.\d s/);
    console.log(run.stdout);
  }, 120_000);

  it("refuses a database that holds the service's data, in one line", async () => {
    const run = await seed([]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(
        /^db:seed: the database already holds data of the service; `npm run db:seed -- --force` removes its posts, milestones, .* and seeds again$/,
      ),
    ]);
    expect(run.stdout).toBe("");
  }, 120_000);

  it("with --force, says what it removed and seeds again", async () => {
    const launch = await database.db.demoLaunch.findUniqueOrThrow({ where: { id: 1 } });
    const run = await seed(["--force"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /^Removed the service's data: \d[\d,]* posts, \d[\d,]* milestones, /m,
    );
    expect(run.stdout).toMatch(/^Seeded the launch week/m);
    const again = await database.db.demoLaunch.findUniqueOrThrow({ where: { id: 1 } });
    expect(again.launchAt.getTime()).toBeGreaterThan(launch.launchAt.getTime());
    expect(await database.db.site.count()).toBe(4);
  }, 120_000);
});
