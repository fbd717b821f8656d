// A launch replayed through the simulator: at each simulated hour the three jobs run as the worker
// runs them (ingest-metrics, ingest-ranks, send-posts), the milestone rules are evaluated after
// each ingest, and every milestone the scenario reaches is posted once to Mastodon (mode auto).
// The jobs run on the simulated clock. What is expected comes from the scenario's model, not from what Liftoff stored. Replaying the
// same hours again posts nothing new.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ingestMetrics } from "@/jobs/ingest-metrics";
import { ingestRanks } from "@/jobs/ingest-ranks";
import { runJob, type RunDeps } from "@/jobs/run-job";
import { sendPosts } from "@/jobs/send-posts";
import { parseConfig } from "@/lib/config";
import { syncConfig } from "@/lib/setup/sync-config";
import { atHour, rankAt, usersAt } from "@/simulator/model";
import { startFakeMastodon, type FakeMastodon } from "@/tests/fakes";
import { launchWeek, startFrozenSimulator, type FrozenSimulator } from "../simulator/support";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { captureLogger } from "../support/logger";

const userThresholds = [100_000, 250_000, 500_000, 1_000_000];
const rankThresholds = [1000, 500, 200, 150, 100];
const service = launchWeek.service.domain;

/** Hours to replay: none inside an outage of the API (its stats answer 503 or crawl then). */
const hours = [
  0.25, 0.5, 1, 1.5, 2, 4, 6.5, 9, 12, 18, 24, 36, 48, 60, 72, 96, 120, 130, 134, 138, 140, 150,
].filter((h) =>
  launchWeek.outages.every(
    (o) =>
      !o.components.includes("api") || h < o.startHour || h >= o.startHour + o.durationMinutes / 60,
  ),
);

let database: TestDatabase;
let simulator: FrozenSimulator;
let masto: FakeMastodon;
let deps: RunDeps;

beforeAll(async () => {
  // The jobs' clock is the simulated one: samples, milestones and posts are dated in launch week.
  vi.useFakeTimers({ toFake: ["Date"] });
  simulator = await startFrozenSimulator(hours[0]!);
  masto = await startFakeMastodon();
  vi.stubEnv("REPLAY_MASTODON_TOKEN", masto.token);
  database = await createTestDatabase();
  const sim = simulator.url;
  const config = parseConfig(
    `service: { name: Stashbox, domain: ${service} }
sources:
  metrics:
    - { kind: http-json, metric: users_total, name: Users, type: counter, url: "${sim}/api/stats", path: users.total, timeout: 5s }
  ranks:
    - { kind: page, key: alexa, name: Alexa, url: "${sim}/alexa/siteinfo/{domain}", preset: alexa-2017, period: 6h }
milestones:
  - { kind: metric, key: users, metric: users_total, thresholds: [${userThresholds.join(", ")}] }
  - { kind: rank, key: top, source: alexa, atMost: [${rankThresholds.join(", ")}] }
channels:
  - { kind: mastodon, key: masto, mode: auto, baseUrl: "${masto.url}", tokenEnv: REPLAY_MASTODON_TOKEN, dailyCap: 50 }
`,
    "replay.yaml",
  );
  deps = { db: database.db, databaseUrl: database.url, config, log: captureLogger().log };
  await syncConfig(database.db, config);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  vi.useRealTimers();
  await simulator?.close();
  await masto?.close();
  await database?.drop();
});

const settings = { schedule: "* * * * * *", timeout: 60_000, jitter: 0, enabled: true };

/** Every hour in turn: the ingests, then the sender. Answers the runs' outcomes and errors. */
async function replay() {
  const runs = [];
  for (const hour of hours) {
    simulator.setHour(hour);
    vi.setSystemTime(atHour(launchWeek, hour));
    for (const job of [ingestMetrics, ingestRanks, sendPosts]) {
      const result = await runJob(job, deps, { trigger: "cli", settings });
      runs.push({ job: job.name, hour, outcome: result.outcome, error: result.error });
    }
  }
  return runs;
}

/** The milestones the model says the replayed hours reach. */
function expectedKeys(): string[] {
  const at = (hour: number) => atHour(launchWeek, hour);
  const users = hours.map((h) => usersAt(launchWeek, at(h)));
  const crossed = userThresholds.filter((t) => t > users[0]! && t <= Math.max(...users));
  const ranks = hours.flatMap((h) => rankAt(launchWeek, service, "alexa", "global", at(h)) ?? []);
  const entered = rankThresholds.filter((t) => ranks.some((rank) => rank <= t));
  return [
    ...crossed.map((t) => `metric:users:${t}`),
    ...entered.map((t) => `top:alexa:global:top-${t}`),
  ].sort();
}

describe("a replayed launch week", () => {
  it(
    "records the milestones the scenario reaches and posts each once",
    { timeout: 240_000 },
    async () => {
      const runs = await replay();
      expect(runs.filter((r) => r.outcome !== "success")).toEqual([]);

      const milestones = await database.db.milestone.findMany({ include: { posts: true } });
      const keys = expectedKeys();
      // The scenario passes a million users and enters Alexa's top 200 within the replay.
      expect(keys).toContain("metric:users:1000000");
      expect(keys).toContain("top:alexa:global:top-200");
      expect(milestones.map((m) => m.key).sort()).toEqual(keys);

      const posts = milestones.flatMap((m) => m.posts);
      expect(posts).toHaveLength(keys.length);
      expect(
        posts.filter((p) => p.status !== "sent").map((p) => [p.status, p.error, p.text]),
      ).toEqual([]);
      expect(masto.statuses.map((s) => s.text).sort()).toEqual(posts.map((p) => p.text).sort());
      expect(new Set(masto.statuses.map((s) => s.idempotencyKey)).size).toBe(keys.length);
      // Rules are evaluated after each ingest: every milestone was recorded by an ingest's run.
      const counted = await database.db.jobRun.findMany({
        where: { job: { startsWith: "ingest-" } },
      });
      const recorded = counted.reduce(
        (n, r) => n + ((r.counts as { milestones?: number }).milestones ?? 0),
        0,
      );
      expect(recorded).toBe(keys.length);
    },
  );

  it("posts nothing new when the same hours are replayed again", { timeout: 240_000 }, async () => {
    const before = await database.db.post.findMany({ orderBy: { id: "asc" } });
    const statuses = masto.statuses.length;
    const runs = await replay();
    // A counter read lower than what is stored (the replay starts over) is a reset: nothing fails.
    expect(runs.filter((r) => r.outcome !== "success")).toEqual([]);
    expect(await database.db.post.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    expect(masto.statuses).toHaveLength(statuses);
    expect(masto.received).toHaveLength(statuses);
  });
});
