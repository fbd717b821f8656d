import { describe, expect, it } from "vitest";
import { fitRankRange } from "./fit-rank-range";

const DAY = 86_400_000;
const last = new Date("2026-03-31T00:00:00Z");
const before = (days: number) => new Date(last.getTime() - days * DAY);

describe("fitRankRange", () => {
  it("chooses the shortest range that holds every sample", () => {
    expect(fitRankRange(last, last)).toBe("7d");
    expect(fitRankRange(before(6.5), last)).toBe("7d");
    expect(fitRankRange(before(7), last)).toBe("7d");
    expect(fitRankRange(before(8), last)).toBe("30d");
    expect(fitRankRange(before(30), last)).toBe("30d");
  });

  it("keeps to the last 90 d of a longer history", () => {
    expect(fitRankRange(before(31), last)).toBe("90d");
    expect(fitRankRange(before(700), last)).toBe("90d");
  });
});
