import { describe, expect, it } from "vitest";
import { estimateEta, nextThreshold } from "./eta";

const now = new Date("2026-01-24T00:00:00Z");

describe("next milestone", () => {
  it("takes the next threshold from a list or a series", () => {
    expect(nextThreshold(870_000, [250_000, 500_000, 1_000_000])).toBe(1_000_000);
    expect(nextThreshold(1_200_000, [250_000, 1_000_000])).toBeNull();
    expect(nextThreshold(870_000, "powers-of-ten")).toBe(1_000_000);
    expect(nextThreshold(1_200_000, "1-2-5")).toBe(2_000_000);
    expect(nextThreshold(2_000_000, "1-2-5")).toBe(5_000_000);
  });
});

describe("ETA", () => {
  it("projects the trailing rate, with a band from the fastest and slowest quarter of hours", () => {
    const hours = [2_000, 3_000, 4_000, 5_000, 6_000, 4_000];
    const eta = estimateEta(960_000, 1_000_000, hours, now);
    expect(eta?.ratePerHour).toBe(4_000);
    expect(eta?.at).toEqual(new Date("2026-01-24T10:00:00Z"));
    expect(eta!.low < eta!.at && eta!.at < eta!.high).toBe(true);
  });

  it("says nothing when growth stopped, history is short or the date is years away", () => {
    expect(estimateEta(960_000, 1_000_000, [0, 0, 0, 0], now)).toBeNull();
    expect(estimateEta(960_000, 1_000_000, [4_000, 4_000], now)).toBeNull();
    expect(estimateEta(960_000, 1_000_000_000, [1, 1, 1], now)).toBeNull();
  });
});
