import { describe, expect, it } from "vitest";
import { lastDays, localDate, outageDays, type OutageSpan } from "./status-days";

const zone = "Pacific/Auckland"; // UTC+13 in January
const at = (iso: string) => new Date(iso);

describe("the page's days", () => {
  it("are local days ending today, oldest first", () => {
    const days = lastDays(at("2026-01-20T12:30:00Z"), zone, 3);
    // 12:30 UTC on the 20th is 01:30 on the 21st in Auckland.
    expect(days.map((d) => d.date)).toEqual(["2026-01-19", "2026-01-20", "2026-01-21"]);
    expect(days[2]!.start).toEqual(at("2026-01-20T11:00:00Z"));
    expect(days[2]!.end).toEqual(at("2026-01-21T11:00:00Z"));
  });

  it("last 23 or 25 hours across a daylight-saving change", () => {
    // Auckland leaves daylight saving on 5 April 2026 (03:00 → 02:00).
    const days = lastDays(at("2026-04-06T00:00:00Z"), zone, 3);
    const hours = days.map((d) => (d.end.getTime() - d.start.getTime()) / 3_600_000);
    expect(days.map((d) => d.date)).toEqual(["2026-04-04", "2026-04-05", "2026-04-06"]);
    expect(hours).toEqual([24, 25, 24]);
  });

  it("formats a date in the zone", () => {
    expect(localDate(at("2026-01-20T10:59:59Z"), zone)).toBe("2026-01-20");
    expect(localDate(at("2026-01-20T11:00:00Z"), zone)).toBe("2026-01-21");
  });
});

describe("outage minutes per day", () => {
  const now = at("2026-01-21T23:00:00Z"); // 12:00 on the 22nd in Auckland
  const days = lastDays(now, zone, 3); // the 20th, 21st and 22nd, local

  it("splits an outage at local midnight and counts the worst severity once", () => {
    const spans: OutageSpan[] = [
      // 23:30 on the 20th to 00:30 on the 21st, local.
      { start: at("2026-01-20T10:30:00Z"), end: at("2026-01-20T11:30:00Z"), severity: "major" },
      // A second monitor, degraded across the same hour and 30 minutes more.
      { start: at("2026-01-20T10:30:00Z"), end: at("2026-01-20T12:00:00Z"), severity: "degraded" },
    ];
    const { days: bars } = outageDays(spans, days, at("2026-01-01T00:00:00Z"), now);
    expect(bars[0]!.outageMinutes).toEqual({ degraded: 0, partial: 0, major: 30 });
    expect(bars[1]!.outageMinutes).toEqual({ degraded: 30, partial: 0, major: 30 });
    expect(bars[1]!.uptime).toBeCloseTo(1 - 60 / 1440, 10);
    expect(bars[2]).toEqual({
      date: "2026-01-22",
      uptime: 1,
      outageMinutes: { degraded: 0, partial: 0, major: 0 },
    });
  });

  it("has no uptime before the first check, and counts only the watched part of a day", () => {
    const watchedFrom = at("2026-01-21T05:00:00Z"); // 18:00 on the 21st, local
    const spans: OutageSpan[] = [
      { start: at("2026-01-21T05:00:00Z"), end: at("2026-01-21T05:36:00Z"), severity: "partial" },
    ];
    const result = outageDays(spans, days, watchedFrom, now);
    expect(result.days.map((d) => d.uptime)).toEqual([null, 1 - 36 / 360, 1]);
    // 6 h watched on the 21st and 12 h so far today.
    expect(result.uptime).toBeCloseTo(1 - 36 / (18 * 60), 10);
    expect(outageDays(spans, days, null, now).uptime).toBeNull();
  });

  it("runs an open outage up to now", () => {
    const spans: OutageSpan[] = [
      { start: at("2026-01-21T22:00:00Z"), end: null, severity: "major" },
    ];
    const { days: bars } = outageDays(spans, days, at("2026-01-01T00:00:00Z"), now);
    expect(bars[2]!.outageMinutes.major).toBe(60);
    expect(bars[2]!.uptime).toBeCloseTo(1 - 60 / 720, 10);
  });
});
