import { describe, expect, it } from "vitest";
import { detectVelocityRecords, periodName, type VelocityRule } from "./velocity-rules";

const day = (n: number) => new Date(Date.UTC(2026, 10, 1 + n));
const days = (increases: number[]) =>
  increases.map((increase, n) => ({ start: day(n), end: day(n + 1), increase }));
const rule: VelocityRule = { kind: "velocity", key: "users", metric: "users_total", period: "day" };
const context = { now: day(30), timeZone: "UTC", metricName: "users" };

describe("record periods", () => {
  it("records a completed day beating every earlier one, after the first three", () => {
    const events = detectVelocityRecords(rule, days([500, 100, 200, 400, 700, 650, 900]), context);
    expect(events.map((e) => [e.key, e.value, e.details.previousRecord])).toEqual([
      ["record-day:users:2026-11-05", 700, 500],
      ["record-day:users:2026-11-07", 900, 700],
    ]);
    expect(events[0]!.metAt).toEqual(day(5));
    expect(events[0]!.details.periodText).toBe("Nov 5");
  });

  it("waits for a day to end before it can be a record", () => {
    const periods = days([10, 20, 30, 40]);
    expect(detectVelocityRecords(rule, periods, { ...context, now: day(3) })).toEqual([]);
    expect(detectVelocityRecords(rule, periods, { ...context, now: day(4) })).toHaveLength(1);
  });

  it("names days and hours in the configured time zone", () => {
    const start = new Date(Date.UTC(2026, 10, 3, 11));
    expect(periodName(start, "day", "Pacific/Auckland")).toBe("2026-11-04");
    expect(periodName(start, "hour", "Pacific/Auckland")).toBe("2026-11-04T00");
    expect(periodName(start, "hour", "UTC")).toBe("2026-11-03T11");
  });
});
