// Milestones detected from what is stored and recorded with their outbox posts, against a real
// PostgreSQL: four days of a launch (hourly signups, a rank, checks and an outage).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type LoadedConfig, parseConfig } from "@/lib/config";
import { recordMetricSamples } from "@/lib/growth/record-samples";
import { detectAndRecordMilestones } from "@/lib/milestones/detect-milestones";
import { recordMilestones } from "@/lib/milestones/record-milestones";
import { recordRankReadings } from "@/lib/rank/record-ranks";
import { syncConfig } from "@/lib/setup/sync-config";
import { refreshCheckRollups } from "@/lib/uptime/check-rollups";
import { createTestDatabase, type TestDatabase } from "../support/database";

let database: TestDatabase;
const HOUR = 3_600_000;
const t0 = new Date("2026-11-01T00:00:00Z");
const at = (hours: number) => new Date(t0.getTime() + hours * HOUR);
const now = at(4 * 24 + 12);
// X and Mastodon have their credentials; the webhook's URL is not set.
const env = { X_KEY: "k", X_SECRET: "s", X_TOKEN: "t", X_TOKEN_SECRET: "ts", TOOT_TOKEN: "m" };
/** Signups per hour on each day: the fourth day is a record. */
const perHour = [20, 10, 15, 40, 40];

const yaml = (extra = "") => `service: { name: Stashbox, domain: stashbox.test }
sources:
  push: [{ key: app, tokenEnv: APP_TOKEN, metrics: [{ metric: users_total, name: Users, type: counter }] }]
  ranks: [{ kind: tranco, key: tranco, name: Tranco, listUrl: "http://127.0.0.1:1/top-1m.csv.zip" }]
components: [{ key: api, name: API }]
monitors: [{ key: api, name: API, type: http, url: "http://127.0.0.1:1/", component: api }]
milestones:
  - { kind: metric, key: users, metric: users_total, thresholds: [1000, 1000000] }
  - { kind: velocity, key: record, metric: users_total, period: day }
  - { kind: outage-resolved, key: recovered, minDuration: 5m }
  - { kind: time, key: first-day, after: 24h }
  - { kind: rank, key: top, source: tranco, atMost: [150] }
channels:
  - { kind: x, key: x, mode: auto, apiKeyEnv: X_KEY, apiSecretEnv: X_SECRET, accessTokenEnv: X_TOKEN, accessSecretEnv: X_TOKEN_SECRET${extra} }
  - { kind: mastodon, key: toot, mode: approve, baseUrl: "http://127.0.0.1:1", tokenEnv: TOOT_TOKEN }
  - { kind: webhook, key: hook, mode: auto, urlEnv: HOOK_URL }`;
let config: LoadedConfig;

async function seedLaunch(): Promise<number> {
  let total = 0;
  const samples = [{ at: t0, value: 0 }];
  for (let hour = 0; hour < 4 * 24 + 12; hour++) {
    total += perHour[Math.floor(hour / 24)]!;
    samples.push({ at: at(hour + 0.5), value: total });
  }
  const users = { key: "users_total", kind: "counter" as const };
  expect((await recordMetricSamples(database.db, users, samples, now)).accepted).toBe(109);
  await recordRankReadings(database.db, "tranco", [
    { domain: "stashbox.test", scope: "global", at: at(12), value: { kind: "exact", rank: 141 } },
  ]);
  const monitor = await database.db.monitor.findUniqueOrThrow({ where: { key: "api" } });
  // A check every 10 minutes: one failure on day one, an outage of 90 minutes on day two, and
  // one failure in the hour after it.
  const status = (minute: number) =>
    minute === 5 * 60 || minute === 32 * 60 ? 2 : minute >= 30 * 60 && minute < 31.5 * 60 ? 2 : 0;
  const checks = Array.from({ length: (4 * 24 + 12) * 6 }, (_, i) => ({
    monitorId: monitor.id,
    at: at(i / 6),
    status: status(i * 10),
  }));
  await database.db.check.createMany({ data: checks });
  await refreshCheckRollups(database.db, monitor.id, t0, now);
  const outage = (from: number, to: number, severity: "major" | "degraded") =>
    database.db.outage.create({
      data: { monitorId: monitor.id, startedAt: at(from), endedAt: at(to), severity },
    });
  await outage(70, 70.02, "major"); // shorter than minDuration
  await outage(80, 82, "degraded"); // slow, not down
  return (await outage(30, 31.5, "major")).id;
}

let outageId: number;
beforeAll(async () => {
  database = await createTestDatabase();
  config = parseConfig(yaml(), "t.yaml");
  await syncConfig(database.db, config);
  outageId = await seedLaunch();
});
afterAll(() => database?.drop());
beforeEach(async () => {
  await database.db.$executeRawUnsafe("TRUNCATE milestone CASCADE");
});

const milestones = () =>
  database.db.milestone.findMany({
    orderBy: { metAt: "asc" },
    select: { key: true, metAt: true, value: true, details: true, posts: true },
  });

describe("detecting and recording milestones", () => {
  it("finds every kind in what is stored, each with one post per channel, once", async () => {
    const result = await detectAndRecordMilestones(database.db, config, { now, env });
    expect(result).toEqual({ milestones: 5, posts: 15, failedPosts: 0 });
    const found = await milestones();
    expect(found.map((m) => [m.key, m.metAt, m.value])).toEqual([
      ["top:tranco:global:top-150", at(12), 141],
      ["time:first-24h", at(24), 480],
      // Recovered at 31.5 h; "stable again" waited the hour after it.
      [`recovered:${outageId}`, at(31.5), 90],
      // 990 at 65.5 h, 1,005 at 66.5 h: 1,000 two thirds of the way, at 66 h 10 min.
      ["metric:users:1000", new Date(at(66).getTime() + 10 * 60_000), 1000],
      ["record-day:record:2026-11-04", at(96), 960],
    ]);
    const texts = Object.fromEntries(
      found.map((m) => [m.key, m.posts.find((p) => p.channel === "x")!.text]),
    );
    expect(Object.values(texts)).toEqual([
      "Stashbox is now #141 worldwide (Tranco)",
      "Stashbox's first 24 hours: 480 new users, best rank #141, 99.3% uptime",
      "Stashbox is running stable again after an outage of 1 hour 30 minutes: 83.3% of requests succeeding over the last hour",
      "Stashbox: 1,000 users in 2 days 18 hours",
      "Record day for Stashbox: 960 new users (Nov 4)",
    ]);
  });

  it("gives each channel's posts the status its mode and credentials call for", async () => {
    await detectAndRecordMilestones(database.db, config, { now: at(32), env });
    const [first] = await milestones();
    const posts = first!.posts.map((p) => [p.channel, p.status, p.idempotencyKey, p.error]);
    expect(posts.sort()).toEqual([
      ["hook", "dry_run", `liftoff-${first!.posts[0]!.milestoneId}-hook`, null],
      ["toot", "awaiting_approval", `liftoff-${first!.posts[0]!.milestoneId}-toot`, null],
      ["x", "pending", `liftoff-${first!.posts[0]!.milestoneId}-x`, null],
    ]);
  });

  it("records, but does not announce, what was met over 48 hours before it was found", async () => {
    await detectAndRecordMilestones(database.db, config, { now, env });
    const found = await milestones();
    const statuses = (key: string) =>
      found.find((m) => m.key === key)!.posts.map((p) => [p.status, p.error]);
    // The first day ended 84 hours before this run: old news.
    expect(statuses("time:first-24h")).toEqual(
      Array(3).fill([
        "cancelled",
        `met ${at(24).toISOString()}, found more than 48 hours later: not announced`,
      ]),
    );
    // 1,000 users was met 42 hours before: still news.
    expect(
      statuses("metric:users:1000")
        .map(([status]) => status)
        .sort(),
    ).toEqual(["awaiting_approval", "dry_run", "pending"]);
  });

  it("records nothing new when run again on the same data", async () => {
    await detectAndRecordMilestones(database.db, config, { now, env });
    const before = await milestones();
    const again = await detectAndRecordMilestones(database.db, config, { now, env });
    expect(again).toEqual({ milestones: 0, posts: 0, failedPosts: 0 });
    expect(await milestones()).toEqual(before);
  });

  it("waits for a day to end and a recovery to hold before recording them", async () => {
    const early = await detectAndRecordMilestones(database.db, config, { now: at(32), env });
    const keys = (await milestones()).map((m) => m.key);
    expect(keys).toEqual(["top:tranco:global:top-150", "time:first-24h"]);
    expect(early.milestones).toBe(2);
  });
});

describe("posts that cannot be sent as written", () => {
  it("records a text too long for its channel as failed, with the reason", async () => {
    const long = `, templates: { users: "{value} {metric}! ${"🚀".repeat(140)}" }`;
    const strict = parseConfig(yaml(long), "t.yaml");
    await detectAndRecordMilestones(database.db, strict, { now, env });
    const users = (await milestones()).find((m) => m.key === "metric:users:1000")!;
    const x = users.posts.find((p) => p.channel === "x")!;
    expect(x.status).toBe("failed");
    // "1,000 users! " is 13; each rocket weighs 2 on X.
    expect(x.error).toBe('too long for x channel "x": 293 weighted characters, at most 280');
    expect(x.text).toMatch(/^1,000 users! 🚀/);
    expect(users.posts.find((p) => p.channel === "toot")!.status).toBe("awaiting_approval");
  });

  it("writes a milestone and its posts together or not at all", async () => {
    // A channel key longer than the outbox's column (the configuration refuses one): the post
    // insert fails, and the milestone before it is rolled back with it.
    const broken = { ...config, channels: [{ ...config.channels[2]!, key: "h".repeat(70) }] };
    const event = {
      key: "metric:users:1000",
      rule: "metric" as const,
      ruleKey: "users",
      metAt: at(66),
      value: 1000,
      details: { label: "1,000 users", metricName: "users" },
    };
    await expect(recordMilestones(database.db, broken, [event], { now, env })).rejects.toThrow();
    expect(await database.db.milestone.count()).toBe(0);
    expect(await recordMilestones(database.db, config, [event], { now, env })).toEqual({
      milestones: 1,
      posts: 3,
      failedPosts: 0,
    });
  });
});
