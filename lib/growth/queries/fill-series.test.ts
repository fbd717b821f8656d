import { describe, expect, it } from "vitest";
import { fillSeries } from "./fill-series";

const d = (iso: string) => new Date(iso);

describe("fillSeries", () => {
  it("gives every bucket of the range once, carrying the last value across gaps", () => {
    const points = [
      { start: d("2026-01-20T01:00:00Z"), increase: 5, last: 105 },
      { start: d("2026-01-20T03:00:00Z"), increase: 7, last: 112 },
    ];
    expect(
      fillSeries(points, d("2026-01-20T00:30:00Z"), d("2026-01-20T05:00:00Z"), "hour", "UTC"),
    ).toEqual([
      { start: d("2026-01-20T00:00:00Z"), increase: 0, last: null },
      { start: d("2026-01-20T01:00:00Z"), increase: 5, last: 105 },
      { start: d("2026-01-20T02:00:00Z"), increase: 0, last: 105 },
      { start: d("2026-01-20T03:00:00Z"), increase: 7, last: 112 },
      { start: d("2026-01-20T04:00:00Z"), increase: 0, last: 112 },
    ]);
  });

  it("steps local days across a DST change", () => {
    const days = fillSeries(
      [],
      d("2026-03-07T05:00:00Z"),
      d("2026-03-10T04:00:00Z"),
      "day",
      "America/New_York",
    );
    expect(days.map((p) => p.start.toISOString())).toEqual([
      "2026-03-07T05:00:00.000Z",
      "2026-03-08T05:00:00.000Z",
      "2026-03-09T04:00:00.000Z",
    ]);
  });
});
