import { describe, expect, it } from "vitest";
import { estimateOutageCost } from "./missed-signups";

const now = new Date("2026-01-20T12:00:00Z");
const at = (m: number) => new Date(now.getTime() + m * 60_000);
/**
 * A sample every `step` ticks of `tickMs` (a minute unless said), from tick `first` to `last`;
 * `perTick(k)` signups in the tick ending at k.
 */
const samples = (
  first: number,
  last: number,
  step: number,
  perTick: (k: number) => number,
  tickMs = 60_000,
) => {
  const out = [];
  for (let k = first; k <= last; k += step) {
    let increase = 0;
    for (let j = k - step + 1; j <= k; j++) increase += perTick(j);
    out.push({ at: new Date(now.getTime() + k * tickMs), increase: k === first ? 0 : increase });
  }
  return out;
};
/** 100 a minute, and `during` a minute from minute 0 to `length`. */
const paced =
  (during: number, length = 30) =>
  (m: number) =>
    m > 0 && m <= length ? during : 100;

describe("what an outage cost", () => {
  it("is the pace before it times its length, less what still arrived", () => {
    expect(estimateOutageCost(samples(-90, 60, 1, paced(10)), at(0), at(30))).toEqual({
      expected: 3_000,
      arrived: 300,
      missed: 2_700,
    });
  });

  it("reads sparse samples by elapsed time, not by how many there are", () => {
    expect(estimateOutageCost(samples(-90, 60, 10, paced(10)), at(0), at(30))?.missed).toBe(2_700);
  });

  it("prices a slowdown by what still arrived: 90 s at 60 % pace costs 40 %, not all", () => {
    // A sample every 15 s, 25 signups each (100 a minute); the window is six samples long.
    const slow = (q: number) => (q > 0 && q <= 6 ? 15 : 25);
    const down = (q: number) => (q > 0 && q <= 6 ? 0 : 25);
    expect(estimateOutageCost(samples(-240, 40, 1, slow, 15_000), at(0), at(1.5))).toEqual({
      expected: 150,
      arrived: 90,
      missed: 60,
    });
    expect(estimateOutageCost(samples(-240, 40, 1, down, 15_000), at(0), at(1.5))).toEqual({
      expected: 150,
      arrived: 0,
      missed: 150,
    });
  });

  it("is never negative, and unknown without samples before it", () => {
    expect(
      estimateOutageCost(
        samples(-10, 5, 1, () => 500),
        at(0),
        at(1),
      )?.missed,
    ).toBe(0);
    expect(estimateOutageCost(samples(0, 60, 1, paced(10)), at(0), at(30))).toBeNull();
    expect(estimateOutageCost([], at(0), at(30))).toBeNull();
  });

  it("counts only what arrived up to the last sample of an outage still going on", () => {
    const cost = estimateOutageCost(samples(-60, 10, 1, paced(50)), at(0), at(30));
    expect(cost).toEqual({ expected: 3_000, arrived: 500, missed: 2_500 });
  });
});
