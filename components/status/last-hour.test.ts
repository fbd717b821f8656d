import { describe, expect, it } from "vitest";
import { lastHourDetail, lastHourSentence } from "./last-hour";

describe("the last hour", () => {
  it("is one plain sentence", () => {
    expect(lastHourSentence({ successRate: 0.992, checks: 360 })).toBe(
      "99.2% of requests succeeded in the last hour",
    );
    expect(lastHourSentence({ successRate: 1, checks: 360 })).toBe(
      "100% of requests succeeded in the last hour",
    );
    expect(lastHourDetail({ successRate: 1, checks: 1_360 })).toBe("across 1,360 checks");
    expect(lastHourDetail({ successRate: 1, checks: 1 })).toBe("across 1 check");
  });

  it("never rounds a failure up to 100%", () => {
    expect(lastHourSentence({ successRate: 0.99996, checks: 30_000 })).toBe(
      "99.99% of requests succeeded in the last hour",
    );
  });

  it("says so when nothing was checked", () => {
    expect(lastHourSentence({ successRate: null, checks: 0 })).toBe("No checks in the last hour");
    expect(lastHourDetail({ successRate: null, checks: 0 })).toBeNull();
  });
});
