import { describe, expect, it } from "vitest";
import { toOutageWindows } from "./users-chart-container";

describe("the Overview's outage windows", () => {
  it("shade each outage, an ongoing one up to now", () => {
    const now = "2026-01-20T06:00:00.000Z";
    expect(
      toOutageWindows(
        [
          { from: "2026-01-20T02:30:00.000Z", to: "2026-01-20T03:30:00.000Z", label: "Website" },
          { from: "2026-01-20T05:40:00.000Z", to: null, label: "API" },
        ],
        now,
      ),
    ).toEqual([
      {
        from: "2026-01-20T02:30:00.000Z",
        to: "2026-01-20T03:30:00.000Z",
        label: "Outage",
        detail: "Website",
      },
      { from: "2026-01-20T05:40:00.000Z", to: now, label: "Outage", detail: "API" },
    ]);
  });
});
