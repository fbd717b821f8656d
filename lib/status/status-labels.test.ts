import { describe, expect, it } from "vitest";
import {
  formatAge,
  formatSpan,
  formatStatusTime,
  formatWindow,
  staleNotice,
} from "./status-labels";

describe("the stale notice", () => {
  it("says how old the status is and that updates are paused", () => {
    expect(staleNotice(12 * 60_000 + 5_000)).toBe(
      "Status as of 12 min ago: live updates are paused",
    );
    // Never "as of 0 s ago": with no good snapshot yet, it says the status could not be read.
    expect(staleNotice(0)).toBe("Live updates are paused: the latest status could not be read");
    expect(formatAge(3 * 3_600_000)).toBe("3 h");
    expect(formatAge(3 * 86_400_000)).toBe("3 days");
  });
});

describe("spans and times", () => {
  it("says how long something lasted", () => {
    expect(formatSpan(26 * 60_000)).toBe("26 min");
    expect(formatSpan(72 * 60_000)).toBe("1 h 12 min");
    expect(formatSpan(2 * 3_600_000)).toBe("2 h");
    expect(formatSpan(51 * 3_600_000)).toBe("2 days 3 h");
    expect(formatSpan(20_000)).toBe("under a minute");
  });

  it("writes times in the page's zone and names it", () => {
    expect(formatStatusTime("2026-01-12T14:05:00Z", "UTC")).toBe("12 Jan 2026, 14:05 UTC");
    expect(formatStatusTime("2026-01-12T14:05:00Z", "Pacific/Auckland")).toBe(
      "13 Jan 2026, 03:05 GMT+13",
    );
    expect(formatStatusTime("not a time", "UTC")).toBe("—");
  });

  it("shortens a window within one day", () => {
    expect(formatWindow("2026-01-22T02:00:00Z", "2026-01-22T04:00:00Z", "UTC")).toBe(
      "22 Jan 2026, 02:00 – 04:00 UTC",
    );
    expect(formatWindow("2026-01-22T22:00:00Z", "2026-01-23T02:00:00Z", "UTC")).toBe(
      "22 Jan 2026, 22:00 UTC – 23 Jan 2026, 02:00 UTC",
    );
  });
});
