import { describe, expect, it } from "vitest";
import { afterDailyCap, localDayStart, openFrom, quietUntil } from "./posting-window";

const d = (iso: string) => new Date(iso);
const night = ["22:00", "07:00"] as const;

describe("quiet hours", () => {
  it("wraps midnight: late evening and early morning are quiet, the day is not", () => {
    expect(quietUntil(d("2026-01-20T23:30:00Z"), night, "UTC")).toEqual(d("2026-01-21T07:00:00Z"));
    expect(quietUntil(d("2026-01-21T03:00:00Z"), night, "UTC")).toEqual(d("2026-01-21T07:00:00Z"));
    expect(quietUntil(d("2026-01-20T22:00:00Z"), night, "UTC")).toEqual(d("2026-01-21T07:00:00Z"));
    expect(quietUntil(d("2026-01-21T07:00:00Z"), night, "UTC")).toBeNull();
    expect(quietUntil(d("2026-01-20T12:00:00Z"), night, "UTC")).toBeNull();
  });

  it("takes a range inside one day, and none at all", () => {
    const lunch = ["12:00", "13:30"] as const;
    expect(quietUntil(d("2026-01-20T12:10:00Z"), lunch, "UTC")).toEqual(d("2026-01-20T13:30:00Z"));
    expect(quietUntil(d("2026-01-20T13:30:00Z"), lunch, "UTC")).toBeNull();
    expect(quietUntil(d("2026-01-20T23:00:00Z"), undefined, "UTC")).toBeNull();
  });

  it("reads local time in the configured zone", () => {
    // 11:30 UTC is 00:30 in Auckland (NZDT, +13): quiet until 07:00 local, 18:00 UTC.
    expect(quietUntil(d("2026-01-20T11:30:00Z"), night, "Pacific/Auckland")).toEqual(
      d("2026-01-20T18:00:00Z"),
    );
    expect(openFrom(d("2026-01-20T20:00:00Z"), night, "Pacific/Auckland")).toEqual(
      d("2026-01-20T20:00:00Z"),
    );
  });
});

describe("the daily cap", () => {
  it("counts from local midnight and reopens at the next, after the quiet hours", () => {
    expect(localDayStart(d("2026-01-20T03:00:00Z"), "America/New_York")).toEqual(
      d("2026-01-19T05:00:00Z"),
    );
    expect(afterDailyCap(d("2026-01-20T15:00:00Z"), undefined, "UTC")).toEqual(
      d("2026-01-21T00:00:00Z"),
    );
    expect(afterDailyCap(d("2026-01-20T15:00:00Z"), night, "UTC")).toEqual(
      d("2026-01-21T07:00:00Z"),
    );
  });
});
