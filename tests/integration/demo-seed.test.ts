// The demo's launch week, seeded into an empty database from the example configuration (which
// points at the simulator), then read back as the pages read it: growth, ranks, uptime and the
// status page's history, milestones with their dry-run posts, the run history, the launch moment.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, type LoadedConfig } from "@/lib/config";
import { seedLaunchWeek, type SeedReport } from "@/lib/demo/seed";
import { loadScenario, type Scenario } from "@/simulator/scenario";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { root } from "../support/processes";

const HOUR_MS = 3_600_000;
const now = new Date();
const launchAt = new Date(now.getTime() - 150 * HOUR_MS);
const quiet = { debug: () => undefined };

let database: TestDatabase;
let config: LoadedConfig;
let scenario: Scenario;
let report: SeedReport;

beforeAll(async () => {
  database = await createTestDatabase();
  config = loadConfig(path.join(root, "liftoff.config.example.yaml"));
  scenario = await loadScenario();
  report = await seedLaunchWeek({ db: database.db, config, scenario, launchAt, now, log: quiet });
  console.log(`demo seed took ${report.ms} ms: ${JSON.stringify(report)}`);
}, 120_000);

afterAll(async () => {
  await database?.drop();
});

async function samplesOf(metric: string) {
  return database.db.metricSample.findMany({
    where: { metric: { key: metric } },
    orderBy: { at: "asc" },
    select: { at: true, value: true, reset: true, resetReason: true },
  });
}

async function serviceRanks(source: string, scope: string) {
  return database.db.rankSample.findMany({
    where: { source, scope, site: { isService: true } },
    orderBy: { at: "asc" },
  });
}

describe("the seeded launch week", () => {
  it("grows users from the launch: 250,000 within 4 hours, over 1,000,000 by day 6", async () => {
    const users = await samplesOf("users_total");
    expect(users[0]!.at).toEqual(launchAt);
    const by = (hours: number) =>
      users.filter((s) => s.at.getTime() <= launchAt.getTime() + hours * HOUR_MS).at(-1)!.value;
    expect(by(4)).toBeGreaterThanOrEqual(250_000);
    expect(by(144)).toBeGreaterThan(1_000_000);
  });

  it("counts signups over more than five days, reset as the process restarted after each down window", async () => {
    const signups = await samplesOf("signups_total");
    const span = signups.at(-1)!.at.getTime() - signups[0]!.at.getTime();
    expect(span).toBeGreaterThanOrEqual(5 * 24 * HOUR_MS);
    const downs = scenario.outages.filter((o) => o.mode === "down");
    const resets = signups.filter((s) => s.reset);
    expect(resets).toHaveLength(downs.length);
    expect(resets.every((s) => s.resetReason === "restart")).toBe(true);
    const stored = await database.db.metricRollup.count({
      where: { metric: { key: "signups_total" } },
    });
    expect(stored).toBeGreaterThan(0);
  });

  it("ends its samples within a minute of now", async () => {
    for (const metric of ["users_total", "signups_total", "users_shown"]) {
      const newest = (await samplesOf(metric)).at(-1)!;
      expect(now.getTime() - newest.at.getTime()).toBeLessThan(60_000);
    }
  });

  it("climbs Alexa to #200 or better worldwide in the last day, and to #1 in New Zealand", async () => {
    const global = await serviceRanks("alexa", "global");
    const lastDay = global.filter((r) => r.at.getTime() >= now.getTime() - 24 * HOUR_MS);
    expect(Math.min(...lastDay.map((r) => r.rank ?? Infinity))).toBeLessThanOrEqual(200);
    const nz = await serviceRanks("alexa", "NZ");
    expect(nz.some((r) => r.kind === "exact" && r.rank === 1)).toBe(true);
  });

  it("stores each source as it states ranks: Radar by bucket, lists exact or unranked, competitors too", async () => {
    const radar = await serviceRanks("cloudflare", "global");
    expect(radar.every((r) => r.kind === "bucket")).toBe(true);
    const tranco = await serviceRanks("tranco", "global");
    expect(new Set(tranco.map((r) => r.kind))).toEqual(new Set(["exact", "unranked"]));
    const competitors = await database.db.rankSample.count({
      where: { site: { isService: false } },
    });
    expect(competitors).toBeGreaterThan(0);
  });

  it("opens outages with automatic incidents, one with a founder's update, and a finished maintenance", async () => {
    const incidents = await database.db.incident.findMany({
      where: { automatic: true, outageId: { not: null } },
      include: { updates: true },
    });
    expect(incidents.length).toBeGreaterThanOrEqual(2);
    expect(incidents.every((i) => i.status === "resolved" && i.createdAt < now)).toBe(true);
    const identified = incidents.flatMap((i) => i.updates).filter((u) => u.status === "identified");
    expect(identified).toHaveLength(1);
    const maintenance = await database.db.maintenance.findMany();
    expect(maintenance).toHaveLength(1);
    expect(maintenance[0]!.status).toBe("completed");
    expect(maintenance[0]!.scheduledUntil.getTime()).toBeLessThan(now.getTime());
    const checks = await database.db.check.count();
    expect(checks).toBe(report.checks);
  });

  it("records milestones when they were met, each posted in dry run, counting hours since launch", async () => {
    const milestones = await database.db.milestone.findMany({ include: { posts: true } });
    expect(milestones.length).toBeGreaterThan(5);
    for (const milestone of milestones) {
      expect(milestone.createdAt.getTime() - milestone.metAt.getTime()).toBeLessThan(HOUR_MS);
      for (const post of milestone.posts) {
        expect(post.status).toBe("dry_run");
        expect(post.sentAt).not.toBeNull();
      }
    }
    const users = milestones.find((m) => m.key === "metric:users:250000");
    expect(users?.posts[0]?.text).toMatch(/^250,000 users on #Stashbox in 3 hours/);
    const million = milestones.find((m) => m.key === "metric:users:1000000");
    expect(million?.posts[0]?.text).toMatch(/^1,000,000 users on #Stashbox in 5 days/);
  });

  it("keeps a run history, with ingest runs that failed during outages", async () => {
    const failed = await database.db.jobRun.count({
      where: { job: "ingest-metrics", outcome: "failed" },
    });
    expect(failed).toBeGreaterThan(0);
    const recent = await database.db.jobRun.findFirst({
      where: { job: "check-monitors" },
      orderBy: { startedAt: "desc" },
    });
    expect(now.getTime() - recent!.startedAt.getTime()).toBeLessThan(60_000);
  });

  it("remembers the launch moment and refuses to seed the same database twice", async () => {
    const stored = await database.db.demoLaunch.findUnique({ where: { id: 1 } });
    expect(stored?.launchAt).toEqual(launchAt);
    await expect(
      seedLaunchWeek({ db: database.db, config, scenario, launchAt, now, log: quiet }),
    ).rejects.toThrow(/already holds data/);
    expect(await database.db.milestone.count()).toBe(report.milestones);
  });
});
