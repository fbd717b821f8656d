// npm start's demo: the first start seeds the launch week ending now and answers its launch; a
// later start answers the same launch. The simulator started with that launch at speed 1 carries
// on the seeded curves: its users total is where the newest sample left it, give or take one
// ingest step, and its process has not restarted since the last sample.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, type LoadedConfig } from "@/lib/config";
import { prepareDemo, type PreparedDemo } from "@/lib/demo/prepare";
import { startSimulator, type RunningSimulator } from "@/simulator/server";
import { usersAt } from "@/simulator/model";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { root } from "../support/processes";

const HOUR_MS = 3_600_000;
const log = { info: () => undefined, warn: () => undefined, debug: () => undefined };

let database: TestDatabase;
let config: LoadedConfig;
let first: PreparedDemo;
let now: Date;
let simulator: RunningSimulator | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
  config = loadConfig(path.join(root, "liftoff.config.example.yaml"));
  now = new Date();
  first = await prepareDemo({ db: database.db, config, log, now });
}, 120_000);

afterAll(async () => {
  await simulator?.close();
  await database?.drop();
});

describe("prepareDemo", () => {
  it("seeds an empty database with the week ending now", () => {
    expect(first.seeded).toBe(true);
    expect(first.launchAt).toEqual(new Date(now.getTime() - 150 * HOUR_MS));
  });

  it("answers the stored launch on a later start, two days on, without seeding again", async () => {
    const later = new Date(now.getTime() + 48 * HOUR_MS);
    const again = await prepareDemo({ databaseUrl: database.url, config, log, now: later });
    expect(again).toEqual({ launchAt: first.launchAt, seeded: false });
    expect(await database.db.demoLaunch.count()).toBe(1);
  });

  it("hands the simulator a launch it continues at speed 1", async () => {
    simulator = await startSimulator({ port: 0, speed: 1, launchAt: first.launchAt });
    const [newest] = await database.db.metricSample.findMany({
      where: { metric: { key: "users_total" } },
      orderBy: { at: "desc" },
      take: 1,
    });
    const stats = (await (await fetch(`${simulator.url}/api/stats`)).json()) as {
      at: string;
      users: { total: number };
    };
    const asked = new Date(stats.at);
    // Simulated time is the wall clock: scenario hour h is launchAt + h hours.
    expect(Math.abs(asked.getTime() - Date.now())).toBeLessThan(5_000);
    // The newest sample lies on the live curve, and the live total carries on from it: the
    // seed took seconds, so at most a few ingest steps of growth lie between them.
    expect(newest!.value).toBe(usersAt(simulator.scenario, newest!.at));
    expect(stats.users.total).toBe(usersAt(simulator.scenario, asked));
    expect(stats.users.total).toBeGreaterThanOrEqual(newest!.value);
    expect(stats.users.total - newest!.value).toBeLessThan(0.001 * newest!.value);

    // The counters' process is the one the seed last saw: no restart between the two.
    const metrics = await (await fetch(`${simulator.url}/metrics`)).text();
    const started = Number(/^process_start_time_seconds (\S+)$/m.exec(metrics)![1]) * 1000;
    const signups = await database.db.metric.findUnique({ where: { key: "signups_total" } });
    expect(signups?.processStartedAt?.getTime()).toBe(Math.round(started));
  });

  it("writes the week again when the last start stopped while writing it", async () => {
    // What a start stopped mid-seed leaves: the launch row not yet completed, part of the data.
    await database.db.demoLaunch.update({ where: { id: 1 }, data: { seededAt: null } });
    await database.db.$executeRaw`DELETE FROM rank_sample`;
    const warnings: string[] = [];
    const again = await prepareDemo({
      db: database.db,
      config,
      log: { ...log, warn: (message: string) => void warnings.push(message) },
      now,
    });
    expect(again).toEqual({ launchAt: first.launchAt, seeded: true });
    expect(warnings.join("\n")).toMatch(/stopped while writing the launch week/);
    expect(await database.db.rankSample.count()).toBeGreaterThan(0);
    const stored = await database.db.demoLaunch.findUniqueOrThrow({ where: { id: 1 } });
    expect(stored.seededAt).not.toBeNull();
  }, 120_000);
});
