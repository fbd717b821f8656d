// What is derived from checks in PostgreSQL: minute, hour and day rollups (checked against a
// computation of our own), retention that deletes raw checks and keeps every rollup, and the
// component-wide severity of outages (partial while some monitors of a component are down).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { pruneChecksJob } from "@/jobs/prune-checks";
import { runJob } from "@/jobs/run-job";
import { type LoadedConfig, parseConfig } from "@/lib/config";
import { syncConfig } from "@/lib/setup/sync-config";
import { checkStatus, type CheckStatusName } from "@/lib/uptime/check-status";
import { pruneChecks, retentionCutoff } from "@/lib/uptime/prune-checks";
import { recordCheck } from "@/lib/uptime/record-check";
import { recordOutages } from "@/lib/uptime/record-outages";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { captureLogger } from "../support/logger";

let database: TestDatabase;
let config: LoadedConfig;
const dayMs = 86_400_000;

beforeAll(async () => {
  database = await createTestDatabase();
  config = parseConfig(
    `service: { name: S, domain: s.test }
components: [{ key: web, name: Website }, { key: api, name: API }]
monitors:
  - { key: web-eu, name: Website EU, type: http, url: "http://127.0.0.1:1/", component: web }
  - { key: web-us, name: Website US, type: http, url: "http://127.0.0.1:1/", component: web }
  - { key: api, name: API, type: tcp, host: 127.0.0.1, port: 1, component: api }
checkRetention: 30d
`,
    "t.yaml",
  );
  await syncConfig(database.db, config);
});
afterAll(() => database?.drop());
beforeEach(async () => {
  await database.db.$executeRawUnsafe(`TRUNCATE "check", check_rollup, outage CASCADE`);
});

type Sample = { at: Date; status: CheckStatusName; latencyMs: number | null };

/** A deterministic, uneven run of checks: mostly up, some slow, some down without a latency. */
function samples(from: Date, count: number, everyMs: number): Sample[] {
  return Array.from({ length: count }, (_, i) => {
    const status: CheckStatusName = i % 11 === 5 ? "down" : i % 7 === 3 ? "degraded" : "up";
    const latencyMs = status === "down" && i % 2 === 1 ? null : 20 + ((i * 37) % 173);
    return { at: new Date(from.getTime() + i * everyMs), status, latencyMs };
  });
}

/** percentile_cont: linear interpolation between the two nearest ranks. */
function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const pos = p * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return Math.round(sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo));
}

/** The rollups our own way: JavaScript, UTC buckets, from the samples themselves. */
function expectedRollups(checks: Sample[]) {
  const widths = { minute: 60_000, hour: 3_600_000, day: dayMs } as const;
  const buckets = new Map<string, { bucket: string; start: Date; checks: Sample[] }>();
  for (const check of checks) {
    for (const [bucket, width] of Object.entries(widths)) {
      const start = new Date(Math.floor(check.at.getTime() / width) * width);
      const key = `${bucket} ${start.toISOString()}`;
      if (!buckets.has(key)) buckets.set(key, { bucket, start, checks: [] });
      buckets.get(key)!.checks.push(check);
    }
  }
  return [...buckets.values()]
    .map(({ bucket, start, checks: inBucket }) => {
      const latencies = inBucket
        .flatMap((c) => (c.latencyMs === null ? [] : [c.latencyMs]))
        .sort((a, b) => a - b);
      const count = (status: CheckStatusName) => inBucket.filter((c) => c.status === status).length;
      return {
        bucket,
        start,
        okCount: count("up"),
        degradedCount: count("degraded"),
        failedCount: count("down"),
        latencyP50: percentile(latencies, 0.5),
        latencyP95: percentile(latencies, 0.95),
      };
    })
    .sort(byBucket);
}

const byBucket = (a: { bucket: string; start: Date }, b: { bucket: string; start: Date }) =>
  a.bucket.localeCompare(b.bucket) || a.start.getTime() - b.start.getTime();

async function storedRollups(monitorKey: string) {
  const rows = await database.db.checkRollup.findMany({
    where: { monitor: { key: monitorKey } },
    select: {
      bucket: true,
      start: true,
      okCount: true,
      degradedCount: true,
      failedCount: true,
      latencyP50: true,
      latencyP95: true,
    },
  });
  return rows.sort(byBucket);
}

/** Stores raw checks directly, as an older Liftoff (without rollups) would have left them. */
async function insertRaw(monitorKey: string, checks: Sample[]) {
  await database.db.$executeRaw`
    INSERT INTO "check" (monitor_id, at, status, latency_ms)
    SELECT m.id, s.at, s.status, s.latency_ms
    FROM monitor m,
      unnest(${checks.map((c) => c.at.toISOString())}::timestamptz[],
             ${checks.map((c) => checkStatus[c.status])}::smallint[],
             ${checks.map((c) => c.latencyMs)}::int[]) AS s(at, status, latency_ms)
    WHERE m.key = ${monitorKey}`;
}

const result = (s: Sample) => ({
  status: s.status,
  latencyMs: s.latencyMs,
  httpStatus: null,
  error: s.status === "up" ? null : "slow or down",
});

describe("check rollups", () => {
  it("keeps minute, hour and day rollups current as each check is stored", async () => {
    // Every 50 s across a UTC midnight: partial minutes, two days, three hours.
    const checks = samples(new Date("2026-01-20T22:58:20Z"), 150, 50_000);
    for (const check of checks) await recordCheck(database.db, "web-eu", check.at, result(check));
    const expected = expectedRollups(checks);
    expect(expected.filter((r) => r.bucket === "day")).toHaveLength(2);
    expect(await storedRollups("web-eu")).toEqual(expected);
  });

  it("recomputes a bucket when a late check lands in it, and storing twice changes nothing", async () => {
    const checks = samples(new Date("2026-01-20T10:00:00Z"), 30, 20_000);
    for (const check of checks) await recordCheck(database.db, "web-eu", check.at, result(check));
    const late = { at: new Date("2026-01-20T10:00:05Z"), status: "down" as const, latencyMs: 900 };
    await recordCheck(database.db, "web-eu", late.at, result(late));
    for (const check of checks.slice(0, 5))
      await recordCheck(database.db, "web-eu", check.at, result(check));
    expect(await storedRollups("web-eu")).toEqual(expectedRollups([...checks, late]));
  });
});

describe("check retention", () => {
  it("deletes raw checks past checkRetention by whole days, rolling them up first, and keeps every rollup", async () => {
    const now = new Date();
    const cutoff = retentionCutoff(now, 30 * dayMs);
    // 40 days of checks, one every 17 minutes, never rolled up: the prune must roll them up.
    const start = new Date(cutoff.getTime() - 10 * dayMs + 123_000);
    const checks = samples(
      start,
      Math.floor((now.getTime() - start.getTime()) / 1_020_000),
      1_020_000,
    );
    await insertRaw("web-us", checks);
    const old = checks.filter((c) => c.at < cutoff);
    expect(old.length).toBeGreaterThan(800);

    const settings = { schedule: "0 40 3 * * *", timeout: 60_000, jitter: 0, enabled: true };
    const deps = { db: database.db, databaseUrl: database.url, config, log: captureLogger().log };
    const run = await runJob(pruneChecksJob, deps, { trigger: "cli", settings });
    expect(run).toMatchObject({ outcome: "success", counts: { checks_deleted: old.length } });

    const kept = await database.db.check.findMany({
      where: { monitor: { key: "web-us" } },
      orderBy: { at: "asc" },
    });
    expect(kept).toHaveLength(checks.length - old.length);
    expect(kept[0]!.at.getTime()).toBeGreaterThanOrEqual(cutoff.getTime());
    // Every bucket of the deleted days is there, as the deleted checks said.
    const stored = await storedRollups("web-us");
    const oldBuckets = expectedRollups(old);
    expect(stored.filter((r) => r.start < cutoff)).toEqual(oldBuckets);

    // Run again, and with a shorter retention: the rollups already made are never deleted.
    expect(await pruneChecks(database.db, { retentionMs: 30 * dayMs, now })).toBe(0);
    await pruneChecks(database.db, { retentionMs: 2 * dayMs, now });
    const after = await storedRollups("web-us");
    expect(after.filter((r) => r.start < cutoff)).toEqual(oldBuckets);
    expect(after.length).toBeGreaterThanOrEqual(stored.length);
  });

  it("keeps the day being written whatever the retention, and stops between days when asked", async () => {
    const now = new Date();
    const today = retentionCutoff(now, 0);
    expect(retentionCutoff(now, 3_600_000).getTime()).toBeLessThanOrEqual(today.getTime());
    await insertRaw("api", samples(new Date(today.getTime() - 3 * dayMs), 72, 3_600_000));
    const stop = new AbortController();
    stop.abort(new Error("the worker is shutting down"));
    await expect(
      pruneChecks(database.db, { retentionMs: 0, now, signal: stop.signal }),
    ).rejects.toThrow("shutting down");
    expect(await database.db.check.count()).toBe(72);
  });
});

describe("component outages", () => {
  const rules = { failuresToOpen: 2, successesToClose: 2 };
  const base = new Date("2026-01-21T08:00:00Z");
  const t = (minute: number) => new Date(base.getTime() + minute * 60_000);
  const now = t(60);

  /** Records one check per minute from the timeline ("." up, "x" down) and the outages. */
  async function play(monitorKey: string, timeline: string, from = 0) {
    for (const [i, mark] of [...timeline].entries()) {
      if (mark === " ") continue;
      const status = mark === "x" ? "down" : "up";
      await recordCheck(database.db, monitorKey, t(from + i), {
        status,
        latencyMs: 10,
        httpStatus: null,
        error: null,
      });
      await recordOutages(database.db, monitorKey, rules, now);
    }
  }

  const outages = async () =>
    (
      await database.db.outage.findMany({
        include: { monitor: { select: { key: true } } },
        orderBy: [{ startedAt: "asc" }, { monitorId: "asc" }],
      })
    ).map((o) => [o.monitor.key, o.startedAt, o.endedAt, o.severity]);

  it("is partial while one monitor of the component is down, major once all are", async () => {
    await play("web-eu", "..xxxx");
    await play("web-us", "......");
    expect(await outages()).toEqual([["web-eu", t(2), null, "partial"]]);
    await play("web-us", "xx", 6);
    await play("web-eu", "x", 6);
    expect(await outages()).toEqual([
      ["web-eu", t(2), null, "major"],
      ["web-us", t(6), null, "major"],
    ]);
  });

  it("raises a sibling's closed partial outage when a late-confirmed one overlaps it", async () => {
    // web-eu is down 2..5 and recorded first; web-us went down at 4, confirmed only at 5.
    await play("web-eu", "..xxx..");
    expect(await outages()).toEqual([["web-eu", t(2), t(5), "partial"]]);
    await play("web-us", "....xx..");
    expect(await outages()).toEqual([
      ["web-eu", t(2), t(5), "major"],
      ["web-us", t(4), t(6), "major"],
    ]);
  });

  it("is major for a monitor alone in its component", async () => {
    await play("api", ".xx..");
    expect(await outages()).toEqual([["api", t(1), t(3), "major"]]);
  });
});
