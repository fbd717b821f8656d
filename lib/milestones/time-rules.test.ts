import { describe, expect, it } from "vitest";
import { launchSummaryMilestone, launchWindow, spanName, type TimeRule } from "./time-rules";

const launch = new Date(Date.UTC(2026, 10, 1, 9));
const hours = (n: number) => new Date(launch.getTime() + n * 3_600_000);
const firstDay: TimeRule = { kind: "time", key: "first-day", after: 24 * 3_600_000 };

describe("time since launch", () => {
  it("is due once the whole window has passed, and never without a launch", () => {
    expect(launchWindow(firstDay, launch, hours(23.9))).toBeNull();
    expect(launchWindow(firstDay, launch, hours(24))).toEqual({ from: launch, to: hours(24) });
    expect(launchWindow(firstDay, null, hours(100))).toBeNull();
  });

  it("names the window in its key", () => {
    expect(spanName(24 * 3_600_000)).toBe("24h");
    expect(spanName(7 * 24 * 3_600_000)).toBe("7d");
    expect(spanName(36 * 3_600_000)).toBe("36h");
    expect(spanName(90 * 60_000)).toBe("90m");
  });

  it("summarises the window", () => {
    const event = launchSummaryMilestone(
      firstDay,
      { from: launch, to: hours(24) },
      {
        metric: "users_total",
        metricName: "users",
        gained: 250_000,
        total: 250_100,
        bestRank: { rank: 141, sourceName: "Tranco" },
        uptime: 0.994,
      },
    );
    expect(event).toMatchObject({ key: "time:first-24h", metAt: hours(24), value: 250_000 });
    expect(event.details).toMatchObject({ bestRank: 141, bestRankSource: "Tranco", uptime: 0.994 });
  });
});
