import { describe, expect, it } from "vitest";
import {
  describeEta,
  describeGrowthRate,
  describePeriodChange,
  describeSpan,
  explainMissingEta,
  formatSignedPercent,
  isoToZonedInput,
  previousLabel,
  totalMissed,
  zonedInputToIso,
} from "./growth-format";

const nb = (text: string) => text.replaceAll("\u00a0", " ");

describe("formatSignedPercent", () => {
  it("signs the rate and keeps small ones precise", () => {
    expect(nb(formatSignedPercent(0.25))).toBe("+25 %");
    expect(nb(formatSignedPercent(-0.104))).toBe("−10 %");
    expect(nb(formatSignedPercent(0.0123))).toBe("+1.2 %");
    expect(nb(formatSignedPercent(12.5))).toBe("+1,250 %");
    expect(nb(formatSignedPercent(0))).toBe("±0 %");
    expect(nb(formatSignedPercent(0.0001))).toBe("±0 %");
  });
});

describe("spans", () => {
  it("names a range's length", () => {
    expect(describeSpan(3_600_000)).toBe("1 h");
    expect(describeSpan(86_400_000)).toBe("24 h");
    expect(describeSpan(36 * 3_600_000)).toBe("36 h");
    expect(describeSpan(7 * 86_400_000)).toBe("7 d");
    expect(describeSpan(76 * 3_600_000)).toBe("3 d 4 h");
    expect(describeSpan(45 * 60_000)).toBe("45 min");
  });

  it("says what the previous period is", () => {
    expect(previousLabel("7d", null)).toBe("previous 7 d");
    expect(previousLabel("custom", 2 * 86_400_000)).toBe("previous 2 d");
    expect(previousLabel("all", null)).toBe("previous period");
  });
});

describe("describeGrowthRate", () => {
  it("gives the rate, or why there is none", () => {
    expect(nb(describeGrowthRate(0.08, "day").text)).toBe("+8 %");
    const missing = describeGrowthRate(null, "week");
    expect(missing).toMatchObject({ text: "not enough history", missing: true });
    expect(missing.detail).toMatch(/two full weeks/);
  });
});

describe("describePeriodChange", () => {
  it("compares with the previous period", () => {
    const described = describePeriodChange(
      { increase: 8_000, previousIncrease: 7_000, change: 8 / 7 - 1 },
      "previous 7 d",
    );
    expect(nb(described.text)).toBe("+14 % vs previous 7 d");
    expect(described.detail).toBe("8,000 against 7,000");
  });

  it("says why there is nothing to compare", () => {
    expect(
      describePeriodChange({ increase: 5, previousIncrease: null, change: null }, "previous 24 h"),
    ).toMatchObject({ text: "no previous 24 h to compare", missing: true });
    expect(
      describePeriodChange({ increase: 5, previousIncrease: 0, change: null }, "previous 1 h"),
    ).toMatchObject({ text: "nothing in the previous 1 h", missing: true });
  });
});

describe("ETA", () => {
  const eta = {
    target: 1_000_000,
    at: "2026-01-25T01:00:00Z",
    low: "2026-01-24T20:00:00Z",
    high: "2026-01-27T05:00:00Z",
    method: "trailing-rate" as const,
    ratePerHour: 1234.4,
  };

  it("reads in the chosen time zone", () => {
    const described = describeEta(eta, "Pacific/Auckland");
    expect(nb(described.headline)).toBe("1,000,000 users ≈ Jan 25, 14:00");
    expect(described.band).toBe("between Jan 25, 09:00 and Jan 27, 18:00");
    expect(nb(described.method)).toBe("trailing rate · ≈ 1,234/h");
    expect(nb(describeEta({ ...eta, method: "log-linear", ratePerHour: 0.5 }, "UTC").method)).toBe(
      "log-linear fit · ≈ 12/day",
    );
  });

  it("explains a missing ETA", () => {
    const total = { value: 10, at: eta.at };
    expect(explainMissingEta({ total: null, change24h: null }).title).toBe("No users counted yet");
    expect(explainMissingEta({ total, change24h: null }).title).toBe(
      "Not enough history to project",
    );
    expect(explainMissingEta({ total, change24h: 0 }).title).toBe("No growth to project");
    expect(explainMissingEta({ total, change24h: 40 }).title).toBe("Growth too slow to project");
  });
});

describe("totalMissed", () => {
  const outage = (missedSignups: number | null) => ({
    from: "2026-01-20T10:00:00Z",
    to: "2026-01-20T11:00:00Z",
    label: "Website",
    missedSignups,
  });

  it("adds what is known and says when some is not", () => {
    expect(totalMissed([])).toEqual({ total: null, partial: false });
    expect(totalMissed([outage(375), outage(25)])).toEqual({ total: 400, partial: false });
    expect(totalMissed([outage(375), outage(null)])).toEqual({ total: 375, partial: true });
    expect(totalMissed([outage(null)])).toEqual({ total: null, partial: true });
  });
});

describe("custom range inputs", () => {
  it("reads wall-clock times in the chosen zone, across DST", () => {
    expect(zonedInputToIso("2026-01-20T14:00", "Pacific/Auckland")).toBe(
      "2026-01-20T01:00:00.000Z",
    );
    expect(zonedInputToIso("2026-07-20T14:00", "Europe/Berlin")).toBe("2026-07-20T12:00:00.000Z");
    expect(zonedInputToIso("2026-03-29T03:30", "Europe/Berlin")).toBe("2026-03-29T01:30:00.000Z");
    expect(zonedInputToIso("tomorrow", "UTC")).toBeNull();
  });

  it("writes an instant as a wall-clock time in the chosen zone", () => {
    expect(isoToZonedInput("2026-01-20T01:00:00Z", "Pacific/Auckland")).toBe("2026-01-20T14:00");
    expect(isoToZonedInput("nope", "UTC")).toBe("");
  });
});
