import { describe, expect, it } from "vitest";
import {
  formatAgo,
  formatSpan,
  formatStatusTime,
  formatWindow,
  staleNotice,
  unknownNotice,
  uptimeLabel,
} from "./status-labels";

describe("the stale notice", () => {
  const asOf = "2026-01-12T01:02:00Z"; // 14:02 in Auckland (GMT+13)
  it("says in words when the status shown was read and how long ago", () => {
    expect(staleNotice(asOf, 12 * 60_000 + 5_000, "Pacific/Auckland")).toBe(
      "Liftoff cannot reach its database right now: this page shows the status as of 14:02 GMT+13, 12 minutes ago.",
    );
    expect(staleNotice(asOf, 40_000, "UTC")).toBe(
      "Liftoff cannot reach its database right now: this page shows the status as of 01:02 UTC, 40 seconds ago.",
    );
    expect(staleNotice(asOf, 61_000, "UTC")).toContain("as of 01:02 UTC, 1 minute ago.");
  });

  it("names the day when the status shown is from another day", () => {
    // 23 h later it is the 13th in Auckland.
    expect(staleNotice(asOf, 23 * 3_600_000, "Pacific/Auckland")).toBe(
      "Liftoff cannot reach its database right now: this page shows the status as of 12 Jan 2026, 14:02 GMT+13, 23 hours ago.",
    );
    expect(staleNotice(asOf, 3 * 86_400_000, "UTC")).toContain(
      "as of 12 Jan 2026, 01:02 UTC, 3 days ago.",
    );
  });

  it("says when the status is unknown rather than old", () => {
    expect(unknownNotice).toBe(
      "Liftoff cannot reach its database right now, and has not been since this page started: the current status is unknown.",
    );
  });

  it("says how long ago in words", () => {
    expect(formatAgo(0)).toBe("0 seconds ago");
    expect(formatAgo(1_500)).toBe("1 second ago");
    expect(formatAgo(3 * 3_600_000 + 59 * 60_000)).toBe("3 hours ago");
    expect(formatAgo(47 * 3_600_000)).toBe("47 hours ago");
    expect(formatAgo(3 * 86_400_000)).toBe("3 days ago");
  });
});

describe("uptime", () => {
  it("names its window", () => {
    expect(uptimeLabel(0.99953)).toBe("99.95% uptime over the last 90 days");
    expect(uptimeLabel(1, "short")).toBe("100% uptime, 90 days");
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
