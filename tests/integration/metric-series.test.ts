// Bucketing in the viewer's time zone, in SQL, from the rollups: two zones, a DST change, a
// half-hour zone, and gaps.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordMetricSamples } from "@/lib/growth/record-samples";
import { getMetricSeries } from "@/lib/growth/queries/get-metric-series";
import { ValidationError } from "@/lib/errors";
import { createTestDatabase, type TestDatabase } from "../support/database";

let database: TestDatabase;
const metric = { key: "users_total", kind: "counter" as const };
const from = new Date("2026-03-06T00:00:00Z");
const days = 5;
const gapStart = new Date("2026-03-09T12:00:00Z"); // three hours with no readings
const gapEnd = new Date("2026-03-09T15:00:00Z");

beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.metric.create({
    data: { key: metric.key, name: "Users", kind: "counter", source: "test" },
  });
  // One new user a minute, read every minute, for five days around New York's spring-forward.
  const samples = [];
  for (let m = 0; m < days * 1440; m++) {
    const at = new Date(from.getTime() + m * 60_000);
    if (at >= gapStart && at < gapEnd) continue;
    samples.push({ at, value: 10_000 + m });
  }
  for (let i = 0; i < samples.length; i += 1000) {
    await recordMetricSamples(
      database.db,
      metric,
      samples.slice(i, i + 1000),
      new Date("2026-04-01T00:00:00Z"),
    );
  }
}, 60_000);
afterAll(() => database?.drop());

const series = (
  unit: "minute" | "hour" | "day",
  timeZone: string,
  start = from,
  end = new Date(from.getTime() + days * 86_400_000),
) => getMetricSeries(database.db, { metric: metric.key, from: start, to: end, unit, timeZone });

describe("metric series", () => {
  it("buckets days at local midnight in New York, with a 23-hour day on the DST change", async () => {
    const points = await series(
      "day",
      "America/New_York",
      new Date("2026-03-07T05:00:00Z"),
      new Date("2026-03-09T04:00:00Z"),
    );
    expect(points.map((p) => [p.start.toISOString(), p.increase])).toEqual([
      ["2026-03-07T05:00:00.000Z", 1440],
      ["2026-03-08T05:00:00.000Z", 1380],
    ]);
  });

  it("buckets the same data by Auckland days, which begin at 11:00 UTC", async () => {
    const points = await series(
      "day",
      "Pacific/Auckland",
      new Date("2026-03-06T11:00:00Z"),
      new Date("2026-03-08T11:00:00Z"),
    );
    expect(points.map((p) => [p.start.toISOString(), p.increase, p.last])).toEqual([
      ["2026-03-06T11:00:00.000Z", 1440, 10_000 + 1440 + 11 * 60 - 1],
      ["2026-03-07T11:00:00.000Z", 1440, 10_000 + 2 * 1440 + 11 * 60 - 1],
    ]);
  });

  it("buckets hours in a half-hour zone from minute rollups", async () => {
    const points = await series(
      "hour",
      "Asia/Kolkata",
      new Date("2026-03-06T00:30:00Z"),
      new Date("2026-03-06T03:30:00Z"),
    );
    expect(points.map((p) => [p.start.toISOString(), p.increase])).toEqual([
      ["2026-03-06T00:30:00.000Z", 60],
      ["2026-03-06T01:30:00.000Z", 60],
      ["2026-03-06T02:30:00.000Z", 60],
    ]);
  });

  it("fills a gap with empty buckets that carry the last value, and counts the catch-up after it", async () => {
    const points = await series(
      "hour",
      "UTC",
      new Date("2026-03-09T11:00:00Z"),
      new Date("2026-03-09T17:00:00Z"),
    );
    const before = 10_000 + (gapStart.getTime() - from.getTime()) / 60_000 - 1;
    expect(points.map((p) => [p.start.toISOString().slice(11, 16), p.increase, p.last])).toEqual([
      ["11:00", 60, before],
      ["12:00", 0, before],
      ["13:00", 0, before],
      ["14:00", 0, before],
      ["15:00", 240, before + 240],
      ["16:00", 60, before + 300],
    ]);
  });

  it("adds up to the same total in every zone", async () => {
    const end = new Date(from.getTime() + days * 86_400_000);
    const total = (points: { increase: number }[]) =>
      points.reduce((sum, p) => sum + p.increase, 0);
    const utc = total(await series("day", "UTC", from, end));
    expect(utc).toBe(days * 1440 - 1);
    // Zones whose first local day starts before `from` see the same increases in total.
    expect(total(await series("hour", "America/New_York", from, end))).toBe(utc);
    expect(
      total(
        await series(
          "minute",
          "UTC",
          new Date("2026-03-06T00:00:00Z"),
          new Date("2026-03-07T00:00:00Z"),
        ),
      ),
    ).toBe(1439);
  });

  it("refuses a bad time zone and a range with too many buckets", async () => {
    await expect(series("day", "Mars/Olympus")).rejects.toThrow(ValidationError);
    await expect(series("minute", "UTC", from, new Date("2026-12-31T00:00:00Z"))).rejects.toThrow(
      /more than 10000/,
    );
  });
});
