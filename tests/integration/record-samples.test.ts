// Counter semantics and rollups, against a real PostgreSQL.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { recordMetricSamples } from "@/lib/growth/record-samples";
import type { SampleInput } from "@/lib/growth/sample-types";
import { createTestDatabase, type TestDatabase } from "../support/database";

let database: TestDatabase;
const users = { key: "users_total", kind: "counter" as const };
const online = { key: "online_now", kind: "gauge" as const };
const t0 = new Date("2026-01-20T00:00:00Z");
const now = new Date("2026-02-01T00:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.drop());
beforeEach(async () => {
  await database.db.$executeRawUnsafe("TRUNCATE metric CASCADE");
  for (const metric of [users, online]) {
    await database.db.metric.create({
      data: { key: metric.key, name: metric.key, kind: metric.kind, source: "test" },
    });
  }
});

const record = (metric: typeof users | typeof online, samples: SampleInput[]) =>
  recordMetricSamples(database.db, metric, samples, now);

async function stored(key: string) {
  return database.db.metricSample.findMany({ where: { metric: { key } }, orderBy: { at: "asc" } });
}

async function rollups(key: string, bucket: "minute" | "hour" | "day") {
  return database.db.metricRollup.findMany({
    where: { metric: { key }, bucket },
    orderBy: { start: "asc" },
  });
}

describe("recording samples", () => {
  it("refuses values that are not finite numbers, bad times and times in the future, and keeps the rest", async () => {
    const result = await record(online, [
      { at: at(0), value: 5 },
      { at: at(1), value: Number.NaN },
      { at: at(2), value: Number.POSITIVE_INFINITY },
      { at: new Date("nonsense"), value: 3 },
      { at: new Date(now.getTime() + 24 * 3_600_000), value: 4 },
      { at: at(3), value: "7" as unknown as number },
      { at: at(4), value: 6 },
    ]);
    expect(result.accepted).toBe(2);
    expect(result.rejected.map((r) => [r.index, r.reason])).toEqual([
      [1, "value is not a finite number: NaN"],
      [2, "value is not a finite number: Infinity"],
      [3, "time is not a valid date"],
      [4, expect.stringMatching(/^time 2026-02-02T00:00:00.000Z is in the future/)],
      [5, "value is not a finite number: 7"],
    ]);
    expect((await stored("online_now")).map((s) => s.value)).toEqual([5, 6]);
  });

  it("stores a repeated batch once, and a repeated pusher id once", async () => {
    const batch = [
      { at: at(0), value: 10, externalId: "a" },
      { at: at(1), value: 12, externalId: "b" },
    ];
    const nothingWrong = { rejected: [], warnings: [] };
    expect(await record(users, batch)).toEqual({ accepted: 2, duplicates: 0, ...nothingWrong });
    expect(await record(users, batch)).toEqual({ accepted: 0, duplicates: 2, ...nothingWrong });
    expect(await record(users, [{ at: at(5), value: 15, externalId: "b" }])).toEqual({
      accepted: 0,
      duplicates: 1,
      ...nothingWrong,
    });
    expect((await stored("users_total")).map((s) => s.value)).toEqual([10, 12]);
  });

  it("stores a counter that goes down as a reset it inferred, counted from zero, and says so", async () => {
    await record(users, [{ at: at(0), value: 100 }]);
    const result = await record(users, [
      { at: at(1), value: 120 },
      { at: at(2), value: 90 },
      { at: at(3), value: 130 },
    ]);
    expect(result).toEqual({
      accepted: 3,
      duplicates: 0,
      rejected: [],
      warnings: ["users_total: counter went down from 120 to 90; counted as a reset (inferred)"],
    });
    expect(
      (await stored("users_total")).map((s) => [s.value, s.reset, s.resetReason, s.increase]),
    ).toEqual([
      [100, false, null, 0],
      [120, false, null, 20],
      [90, true, "inferred", 90],
      [130, false, null, 40],
    ]);
  });

  it("tells a reported restart from a flagged reset and from an inferred one", async () => {
    // The source reports its process start time on its own clock, which is a year off ours.
    const started = new Date(t0.getTime() + 365 * 86_400_000);
    const later = new Date(started.getTime() + 90_000);
    await record(users, [
      { at: at(0), value: 100, startedAt: started },
      { at: at(1), value: 150, startedAt: started },
    ]);
    // The process restarted between two readings: it reports another start time...
    const restarted = await record(users, [{ at: at(2), value: 30, startedAt: later }]);
    // ...or the pusher says so...
    const flagged = await record(users, [
      { at: at(3), value: 45 },
      { at: at(4), value: 5, reset: true },
    ]);
    // ...or the counter just went down while the start time stayed the same.
    const unexplained = await record(users, [{ at: at(5), value: 1, startedAt: later }]);
    expect([restarted, flagged, unexplained].map((r) => [r.rejected, r.warnings.length])).toEqual([
      [[], 0],
      [[], 0],
      [[], 1],
    ]);
    expect((await stored("users_total")).map((s) => [s.value, s.resetReason, s.increase])).toEqual([
      [100, null, 0],
      [150, null, 50],
      [30, "restart", 30],
      [45, null, 15],
      [5, "flagged", 5],
      [1, "inferred", 1],
    ]);
    const metric = await database.db.metric.findUniqueOrThrow({ where: { key: "users_total" } });
    expect(metric.processStartedAt).toEqual(later);
  });

  it("stores a gauge that goes down as a plain lower value", async () => {
    const result = await record(online, [
      { at: at(0), value: 500 },
      { at: at(1), value: 120 },
    ]);
    expect(result).toEqual({ accepted: 2, duplicates: 0, rejected: [], warnings: [] });
    expect((await stored("online_now")).map((s) => [s.value, s.reset, s.resetReason])).toEqual([
      [500, false, null],
      [120, false, null],
    ]);
  });

  it("recomputes the next sample's increase when a late sample lands in the middle", async () => {
    await record(users, [
      { at: at(0), value: 100 },
      { at: at(10), value: 200 },
    ]);
    await record(users, [{ at: at(5), value: 160 }]);
    expect((await stored("users_total")).map((s) => s.increase)).toEqual([0, 60, 40]);
    const minutes = await rollups("users_total", "minute");
    expect(minutes.map((r) => r.increase)).toEqual([0, 60, 40]);
    // A late sample lower than the one before it is a reset; one higher than the one after it
    // makes that one a reset: increases are never negative.
    expect((await record(users, [{ at: at(7), value: 150 }])).warnings).toHaveLength(1);
    expect((await record(users, [{ at: at(8), value: 250 }])).warnings).toHaveLength(1);
    expect((await stored("users_total")).map((s) => [s.resetReason, s.increase])).toEqual([
      [null, 0],
      [null, 60],
      ["inferred", 150],
      [null, 100],
      ["inferred", 200],
    ]);
  });
});

describe("rollups", () => {
  it("agree with the raw samples at every level, across resets and hour and day boundaries", async () => {
    // Two days of 30-second readings with a restart every 7 hours, in uneven batches.
    const samples: SampleInput[] = [];
    let value = 1_000;
    let lastRestart = -1;
    for (let i = 0; i < 2 * 24 * 120; i++) {
      const time = new Date(t0.getTime() + i * 30_000);
      const hour = Math.floor(i / 120);
      if (hour % 7 === 6 && hour !== lastRestart) {
        lastRestart = hour;
        value = 0;
        samples.push({ at: time, value, startedAt: new Date(time.getTime() - 1_000) });
        continue;
      }
      value += (i * 7919) % 13;
      samples.push({ at: time, value });
    }
    for (let i = 0; i < samples.length;) {
      const size = 1 + ((i * 31) % 700);
      const result = await record(users, samples.slice(i, i + size));
      expect(result.rejected).toEqual([]);
      i += size;
    }

    // The oracle: increases and buckets computed here, from the inputs alone.
    const expected = new Map<
      string,
      Map<number, { count: number; increase: number; last: number; max: number }>
    >();
    let previous: number | null = null;
    for (const sample of samples) {
      const increase =
        previous === null ? 0 : sample.startedAt ? sample.value : sample.value - previous;
      previous = sample.value;
      for (const [bucket, width] of [
        ["minute", 60_000],
        ["hour", 3_600_000],
        ["day", 86_400_000],
      ] as const) {
        const start = Math.floor(sample.at.getTime() / width) * width;
        const level = expected.get(bucket) ?? new Map();
        expected.set(bucket, level);
        const row = level.get(start) ?? { count: 0, increase: 0, last: 0, max: -Infinity };
        level.set(start, {
          count: row.count + 1,
          increase: row.increase + increase,
          last: sample.value,
          max: Math.max(row.max, sample.value),
        });
      }
    }
    for (const bucket of ["minute", "hour", "day"] as const) {
      const rows = await rollups("users_total", bucket);
      const want = [...expected.get(bucket)!.entries()].map(([start, r]) => ({
        start: new Date(start),
        ...r,
      }));
      expect(
        rows.map((r) => ({
          start: r.start,
          count: r.count,
          increase: r.increase,
          last: r.last,
          max: r.max,
        })),
      ).toEqual(want);
    }
    const total = samples.reduce(
      (sum, s, i) => sum + (i === 0 ? 0 : s.startedAt ? s.value : s.value - samples[i - 1]!.value),
      0,
    );
    const days = await rollups("users_total", "day");
    expect(days.reduce((sum, r) => sum + r.increase, 0)).toBe(total);
  });

  it("stay consistent when two batches of one metric arrive at once", async () => {
    const first = Array.from({ length: 200 }, (_, i) => ({ at: at(i), value: 1_000 + i * 10 }));
    const second = Array.from({ length: 200 }, (_, i) => ({
      at: at(200 + i),
      value: 3_000 + i * 10,
    }));
    await Promise.all([record(users, second), record(users, first)]);
    const hours = await rollups("users_total", "hour");
    expect(hours.reduce((sum, r) => sum + r.count, 0)).toBe(400);
    const rows = await stored("users_total");
    expect(rows.at(-1)!.value - rows[0]!.value).toBe(hours.reduce((sum, r) => sum + r.increase, 0));
  });
});
