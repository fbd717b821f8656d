import { describe, expect, it } from "vitest";
import { bucketStart, nextBucket, zoneOffsetMinutes } from "./zone";

const d = (iso: string) => new Date(iso);

describe("time zones", () => {
  it("reads offsets, including half hours and DST", () => {
    expect(zoneOffsetMinutes(d("2026-01-20T00:00:00Z"), "Pacific/Auckland")).toBe(780);
    expect(zoneOffsetMinutes(d("2026-07-20T00:00:00Z"), "Pacific/Auckland")).toBe(720);
    expect(zoneOffsetMinutes(d("2026-01-20T00:00:00Z"), "Asia/Kolkata")).toBe(330);
    expect(zoneOffsetMinutes(d("2026-01-20T00:00:00Z"), "America/New_York")).toBe(-300);
    expect(zoneOffsetMinutes(d("2026-01-20T00:00:00Z"), "UTC")).toBe(0);
  });

  it("starts days at local midnight", () => {
    expect(bucketStart(d("2026-01-20T15:00:00Z"), "day", "Pacific/Auckland")).toEqual(
      d("2026-01-20T11:00:00Z"),
    );
    expect(bucketStart(d("2026-01-20T03:00:00Z"), "day", "America/New_York")).toEqual(
      d("2026-01-19T05:00:00Z"),
    );
    expect(bucketStart(d("2026-01-20T03:07:00Z"), "hour", "Asia/Kolkata")).toEqual(
      d("2026-01-20T02:30:00Z"),
    );
  });

  it("steps over DST changes: a 23-hour and a 25-hour day", () => {
    // New York springs forward on 2026-03-08 and falls back on 2026-11-01.
    const spring = bucketStart(d("2026-03-08T12:00:00Z"), "day", "America/New_York");
    expect(spring).toEqual(d("2026-03-08T05:00:00Z"));
    expect(nextBucket(spring, "day", "America/New_York")).toEqual(d("2026-03-09T04:00:00Z"));
    const autumn = bucketStart(d("2026-11-01T12:00:00Z"), "day", "America/New_York");
    expect(autumn).toEqual(d("2026-11-01T04:00:00Z"));
    expect(nextBucket(autumn, "day", "America/New_York")).toEqual(d("2026-11-02T05:00:00Z"));
    // Auckland leaves daylight time on 2026-04-05 (03:00 NZDT → 02:00 NZST).
    const nz = bucketStart(d("2026-04-05T06:00:00Z"), "day", "Pacific/Auckland");
    expect(nz).toEqual(d("2026-04-04T11:00:00Z"));
    expect(nextBucket(nz, "day", "Pacific/Auckland")).toEqual(d("2026-04-05T12:00:00Z"));
  });
});
