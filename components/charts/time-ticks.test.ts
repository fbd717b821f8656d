import { describe, expect, it } from "vitest";
import { timeTicks } from "./time-ticks";

const iso = (ticks: number[]) => ticks.map((t) => new Date(t).toISOString());

describe("timeTicks", () => {
  it("puts an hour's ticks on round minutes", () => {
    const from = Date.parse("2026-01-20T10:07:30Z");
    // 10:10, two and a half minutes in, is too near the start to be labelled.
    expect(iso(timeTicks(from, from + 3_600_000, "UTC"))).toEqual([
      "2026-01-20T10:20:00.000Z",
      "2026-01-20T10:30:00.000Z",
      "2026-01-20T10:40:00.000Z",
      "2026-01-20T10:50:00.000Z",
      "2026-01-20T11:00:00.000Z",
    ]);
  });

  it("puts a day's ticks on local hours, also half an hour off UTC", () => {
    const from = Date.parse("2026-01-20T00:00:00Z");
    const ticks = timeTicks(from, from + 86_400_000, "Asia/Kolkata");
    expect(ticks).toHaveLength(7);
    // 06:00 in Kolkata lies too near the start to be labelled; 09:00 is the first.
    expect(iso(ticks)[0]).toBe("2026-01-20T03:30:00.000Z");
  });

  it("puts a week's ticks on local midnights", () => {
    const from = Date.parse("2026-01-20T05:00:00Z");
    const ticks = iso(timeTicks(from, from + 7 * 86_400_000, "Pacific/Auckland"));
    // Midnight on Jan 21 in Auckland lies too near the start; midnight on Jan 22 is the first.
    expect(ticks[0]).toBe("2026-01-21T11:00:00.000Z");
    expect(ticks).toHaveLength(6);
  });

  it("labels nothing in the first 7% of the span, where a label would reach the value axis", () => {
    const from = Date.parse("2026-01-20T17:50:00Z");
    const ticks = timeTicks(from, from + 86_400_000, "UTC");
    expect(iso(ticks)[0]).toBe("2026-01-20T21:00:00.000Z"); // not 18:00, ten minutes in
    expect(Math.min(...ticks) - from).toBeGreaterThanOrEqual(0.07 * 86_400_000);
  });

  it("has nothing for an empty span", () => {
    expect(timeTicks(5, 5, "UTC")).toEqual([]);
  });
});
