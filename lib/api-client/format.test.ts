import { describe, expect, it } from "vitest";
import {
  formatCompact,
  formatCount,
  formatDateTime,
  formatDuration,
  formatPercent,
  formatRank,
  formatRelativeTime,
  formatSignedCount,
  formatTimeTick,
} from "./format";

describe("formatCount", () => {
  it("groups thousands", () => {
    expect(formatCount(1_234_567)).toBe("1,234,567");
    expect(formatCount(0)).toBe("0");
    expect(formatCount(999)).toBe("999");
  });

  it("rounds fractions away", () => {
    expect(formatCount(1234.6)).toBe("1,235");
  });
});

describe("formatSignedCount", () => {
  it("shows the sign of a change", () => {
    expect(formatSignedCount(12_345)).toBe("+12,345");
    expect(formatSignedCount(-5)).toBe("−5");
    expect(formatSignedCount(0)).toBe("±0");
  });
});

describe("formatCompact", () => {
  it("humanises big numbers for axes", () => {
    expect(formatCompact(950)).toBe("950");
    expect(formatCompact(1_500)).toBe("1.5K");
    expect(formatCompact(250_000)).toBe("250K");
    expect(formatCompact(1_234_567)).toBe("1.2M");
  });
});

describe("formatRank", () => {
  const base = { rank: null, bucketMin: null, bucketMax: null };

  it("shows an exact rank with a hash", () => {
    expect(formatRank({ ...base, kind: "exact", rank: 141 })).toBe("#141");
    expect(formatRank({ ...base, kind: "exact", rank: 12_345 })).toBe("#12,345");
  });

  it("never turns a bucket into an exact rank", () => {
    expect(formatRank({ ...base, kind: "bucket", bucketMin: 1_001, bucketMax: 5_000 })).toBe(
      "top 5,000",
    );
    expect(formatRank({ ...base, kind: "bucket", rank: 4_000, bucketMax: 5_000 })).toBe(
      "top 5,000",
    );
    expect(formatRank({ ...base, kind: "bucket", bucketMin: 200_001 })).toBe(">200,000");
  });

  it("says unranked", () => {
    expect(formatRank({ ...base, kind: "unranked" })).toBe("unranked");
    expect(formatRank({ ...base, kind: "exact" })).toBe("unranked");
  });
});

describe("formatRelativeTime", () => {
  const now = Date.parse("2025-03-04T12:00:00Z");
  const ago = (ms: number) => new Date(now - ms).toISOString();

  it("speaks of the past", () => {
    expect(formatRelativeTime(ago(3_000), now)).toBe("just now");
    expect(formatRelativeTime(ago(45_000), now)).toBe("45 s ago");
    expect(formatRelativeTime(ago(3 * 60_000 + 20_000), now)).toBe("3 min ago");
    expect(formatRelativeTime(ago(5 * 3_600_000), now)).toBe("5 h ago");
    expect(formatRelativeTime(ago(30 * 3_600_000), now)).toBe("30 h ago");
    expect(formatRelativeTime(ago(3 * 86_400_000), now)).toBe("3 days ago");
  });

  it("speaks of the future", () => {
    expect(formatRelativeTime(ago(-4 * 60_000), now)).toBe("in 4 min");
    expect(formatRelativeTime(ago(-30_000), now)).toBe("in 30 s");
    expect(formatRelativeTime(ago(-2_000), now)).toBe("in a few seconds");
  });

  it("does not invent a time from garbage", () => {
    expect(formatRelativeTime("not a date", now)).toBe("—");
  });
});

describe("formatDuration", () => {
  it("picks a unit that reads well", () => {
    expect(formatDuration(0)).toBe("0 ms");
    expect(formatDuration(850)).toBe("850 ms");
    expect(formatDuration(1_234)).toBe("1.2 s");
    expect(formatDuration(42_900)).toBe("42 s");
    expect(formatDuration(120_000)).toBe("2 min");
    expect(formatDuration(125_000)).toBe("2 min 5 s");
    expect(formatDuration(3_780_000)).toBe("1 h 3 min");
    expect(formatDuration(7_200_000)).toBe("2 h");
  });

  it("refuses nonsense", () => {
    expect(formatDuration(-1)).toBe("—");
    expect(formatDuration(Number.NaN)).toBe("—");
  });
});

describe("formatPercent", () => {
  it("never rounds up to a perfect score", () => {
    expect(formatPercent(1)).toBe("100%");
    expect(formatPercent(0.99999)).toBe("99.99%");
    expect(formatPercent(0.99954)).toBe("99.95%");
    expect(formatPercent(0.5)).toBe("50%");
    expect(formatPercent(0)).toBe("0%");
  });
});

describe("formatDateTime and formatTimeTick", () => {
  const at = Date.parse("2025-03-04T14:05:00Z");

  it("formats in the given time zone", () => {
    expect(formatDateTime(at, "UTC")).toBe("Mar 4, 14:05");
    expect(formatDateTime(new Date(at).toISOString(), "Asia/Tokyo")).toBe("Mar 4, 23:05");
    expect(formatDateTime("nope", "UTC")).toBe("—");
  });

  it("shows hours for a day and dates for longer", () => {
    expect(formatTimeTick(at, 24 * 3_600_000, "UTC")).toBe("14:05");
    expect(formatTimeTick(at, 7 * 86_400_000, "UTC")).toBe("Mar 4");
  });
});
