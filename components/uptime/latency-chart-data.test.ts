import { describe, expect, it } from "vitest";
import type { OutageView } from "@/lib/uptime/queries/uptime-page-types";
import { hasLatency, latencyWindows, toLatencyData } from "./latency-chart-data";

const outage = (over: Partial<OutageView>): OutageView => ({
  id: 1,
  monitorKey: "website",
  monitor: "Website",
  component: "Website",
  startedAt: "2026-01-12T10:00:00.000Z",
  endedAt: "2026-01-12T12:00:00.000Z",
  severity: "major",
  ...over,
});

describe("latency chart data", () => {
  it("turns rollup points into chart rows, gaps kept as null", () => {
    const data = toLatencyData({
      latency: [
        { at: "2026-01-12T10:00:00.000Z", p50: 120, p95: 340 },
        { at: "2026-01-12T11:00:00.000Z", p50: null, p95: null },
      ],
    });
    expect(data).toEqual([
      { t: Date.parse("2026-01-12T10:00:00.000Z"), p50: 120, p95: 340 },
      { t: Date.parse("2026-01-12T11:00:00.000Z"), p50: null, p95: null },
    ]);
    expect(hasLatency({ latency: [{ at: "x", p50: null, p95: null }] })).toBe(false);
  });

  it("shades the monitor's own outages, clipped to the chart, oldest first", () => {
    const from = "2026-01-12T11:00:00.000Z";
    const to = "2026-01-13T11:00:00.000Z";
    const windows = latencyWindows(
      [
        outage({
          id: 3,
          startedAt: "2026-01-13T09:00:00.000Z",
          endedAt: null,
          severity: "degraded",
        }),
        outage({ id: 2, monitorKey: "api" }),
        outage({ id: 1 }),
      ],
      "website",
      from,
      to,
    );
    expect(windows).toEqual([
      { from, to: "2026-01-12T12:00:00.000Z", label: "Major outage", detail: undefined },
      { from: "2026-01-13T09:00:00.000Z", to, label: "Degraded", detail: "ongoing" },
    ]);
  });

  it("makes overlapping outages of one severity one window, named once, and keeps the others", () => {
    const from = "2026-01-12T00:00:00.000Z";
    const to = "2026-01-13T00:00:00.000Z";
    const windows = latencyWindows(
      [
        outage({ id: 4, startedAt: "2026-01-12T20:00:00.000Z", endedAt: null }),
        outage({
          id: 3,
          startedAt: "2026-01-12T11:00:00.000Z",
          endedAt: "2026-01-12T11:30:00.000Z",
        }),
        outage({
          id: 2,
          startedAt: "2026-01-12T10:30:00.000Z",
          endedAt: "2026-01-12T14:00:00.000Z",
          severity: "degraded",
        }),
        outage({
          id: 1,
          startedAt: "2026-01-12T10:00:00.000Z",
          endedAt: "2026-01-12T12:00:00.000Z",
        }),
        outage({
          id: 5,
          startedAt: "2026-01-12T19:00:00.000Z",
          endedAt: "2026-01-12T21:00:00.000Z",
        }),
      ],
      "website",
      from,
      to,
    );
    expect(windows).toEqual([
      {
        from: "2026-01-12T10:00:00.000Z",
        to: "2026-01-12T12:00:00.000Z",
        label: "Major outage",
        detail: undefined,
      },
      {
        from: "2026-01-12T10:30:00.000Z",
        to: "2026-01-12T14:00:00.000Z",
        label: "Degraded",
        detail: undefined,
      },
      { from: "2026-01-12T19:00:00.000Z", to, label: "Major outage", detail: "ongoing" },
    ]);
  });
});
