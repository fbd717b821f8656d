import { describe, expect, it } from "vitest";
import { estimateEta, nextThreshold } from "./eta";
import { estimateMissedSignups } from "./missed-signups";

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

describe("signups missed during an outage", () => {
  const at = (m: number) => new Date(now.getTime() + m * 60_000);
  // A sample every `step` minutes; `perMinute(m)` signups in the minute ending at m.
  const samples = (
    fromMinute: number,
    toMinute: number,
    step: number,
    perMinute: (m: number) => number,
  ) => {
    const out = [];
    for (let m = fromMinute; m <= toMinute; m += step) {
      let increase = 0;
      for (let k = m - step + 1; k <= m; k++) increase += perMinute(k);
      out.push({ at: at(m), increase: m === fromMinute ? 0 : increase });
    }
    return out;
  };
  const outage = (m: number) => (m > 0 && m <= 30 ? 10 : 100);

  it("is the rate before it times its length, less what still arrived", () => {
    expect(estimateMissedSignups(samples(-90, 60, 1, outage), at(0), at(30))).toBe(2_700);
  });

  it("reads sparse samples by elapsed time, not by how many there are", () => {
    expect(estimateMissedSignups(samples(-90, 60, 10, outage), at(0), at(30))).toBe(2_700);
  });

  it("is never negative, and unknown without samples before it", () => {
    expect(
      estimateMissedSignups(
        samples(-10, 5, 1, () => 500),
        at(0),
        at(1),
      ),
    ).toBe(0);
    expect(estimateMissedSignups(samples(0, 60, 1, outage), at(0), at(30))).toBeNull();
    expect(estimateMissedSignups([], at(0), at(30))).toBeNull();
  });
});
