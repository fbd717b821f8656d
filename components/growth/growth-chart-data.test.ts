import { describe, expect, it } from "vitest";
import type { SeriesResponse } from "@/lib/growth/growth-types";
import {
  milestoneMarkers,
  outageWindows,
  seriesDomain,
  seriesFacts,
  toBuckets,
  toCumulativeData,
  toSignupsData,
} from "./growth-chart-data";

const hour = 3_600_000;
const t0 = Date.parse("2026-01-20T00:00:00Z");
const series = (values: (number | null)[], start = t0): SeriesResponse => ({
  metric: "users_total",
  unit: "hour",
  timeZone: "UTC",
  from: new Date(start).toISOString(),
  to: new Date(start + (values.length - 0.5) * hour).toISOString(),
  points: values.map((last, i) => ({
    start: new Date(start + i * hour).toISOString(),
    increase: last === null ? 0 : 10,
    last,
  })),
});

describe("growth chart data", () => {
  it("puts bars mid-bucket and the previous period beside them", () => {
    const data = toSignupsData(series([100, 110, 120]), series([70, 80, 90], t0 - 3 * hour));
    expect(data.map((d) => d.t)).toEqual([t0 + hour / 2, t0 + 1.5 * hour, t0 + 2.5 * hour]);
    expect(data.map((d) => d.previous)).toEqual([10, 10, 10]);
    expect(seriesDomain(toBuckets(series([1, 2, 3])))).toEqual([t0, t0 + 3 * hour]);
  });

  it("leaves out a previous period without samples", () => {
    const data = toSignupsData(series([100, 110]), series([null, null], t0 - 2 * hour));
    expect(data[0]).not.toHaveProperty("previous");
  });

  it("draws the total from the value before the first bucket with data", () => {
    expect(toCumulativeData(series([null, 110, 120]))).toEqual([
      { t: t0 + hour, total: 100 },
      { t: t0 + 2 * hour, total: 110 },
      { t: t0 + 2.5 * hour, total: 120 }, // the range ends mid-bucket
    ]);
  });

  it("tells the newest total, the signups and the busiest bucket", () => {
    const facts = seriesFacts(series([null, 110, 120]));
    expect(facts.total?.value).toBe(120);
    expect(facts.increase).toBe(20);
    expect(facts.busiest?.start).toBe(t0 + hour);
    expect(seriesFacts(series([null, null])).hasSamples).toBe(false);
  });

  it("shades an ongoing outage up to the range's end, and names a slowdown as one", () => {
    const outage = {
      from: "2026-01-20T01:00:00Z",
      to: null,
      label: "Website",
      severity: "major",
      kind: "outage",
      expectedSignups: 400,
      arrivedSignups: 25,
      missedSignups: 375,
    } as const;
    const windows = outageWindows(
      [outage, { ...outage, severity: "degraded", kind: "slowdown", missedSignups: 40 }],
      "2026-01-20T02:00:00Z",
    );
    expect(windows).toEqual([
      {
        from: "2026-01-20T01:00:00Z",
        to: "2026-01-20T02:00:00Z",
        label: "Outage",
        detail: "Website: ≈ 375 signups missed",
      },
      {
        from: "2026-01-20T01:00:00Z",
        to: "2026-01-20T02:00:00Z",
        label: "Slowdown",
        detail: "Website: ≈ 40 signups missed, 25 still arrived",
      },
    ]);
  });

  it("marks only the shown metric's milestones, not rank climbs or recoveries", () => {
    const at = (h: number) => new Date(t0 + h * hour).toISOString();
    const milestones = [
      { at: at(1), label: "API running stable again", metric: null },
      { at: at(2), label: "250,000 users", metric: "users_total" },
      { at: at(3), label: "Top 1,000 worldwide (Alexa)", metric: null },
      { at: at(4), label: "Record hour: 40,000 users", metric: "users_total" },
      { at: at(5), label: "10,000 uploads", metric: "uploads_total" },
      { at: at(6), label: "The first 24h: 512,541 users", metric: "users_total" },
    ];
    expect(milestoneMarkers(milestones, "users_total")).toEqual([
      { at: at(2), label: "250,000 users" },
      { at: at(4), label: "Record hour: 40,000 users" },
      { at: at(6), label: "The first 24h: 512,541 users" },
    ]);
    expect(milestoneMarkers(milestones, "uploads_total")).toEqual([
      { at: at(5), label: "10,000 uploads" },
    ]);
  });
});
