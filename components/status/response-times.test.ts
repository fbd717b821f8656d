import { describe, expect, it } from "vitest";
import { responseTimeChartData, responseTimeSentence } from "./response-times";

const hour = (h: number, p50: number | null, p95: number | null) => ({
  at: `2026-01-20T${String(h).padStart(2, "0")}:00:00.000Z`,
  p50,
  p95,
});

describe("response times in words", () => {
  it("states the latest measured hour", () => {
    const points = [hour(10, 150, 500), hour(11, 182, 1_240), hour(12, null, null)];
    expect(responseTimeSentence(points)).toBe(
      "In the latest hour, half of the requests were answered within 182 ms, 95% within 1.2 s.",
    );
  });

  it("says when nothing was measured", () => {
    expect(responseTimeSentence([hour(10, null, null)])).toBe(
      "No response times measured in the last 24 hours.",
    );
  });

  it("charts measured hours only, oldest first", () => {
    expect(
      responseTimeChartData([hour(12, 90, 200), hour(11, null, null), hour(10, 80, 150)]),
    ).toEqual([
      { t: Date.parse("2026-01-20T10:00:00Z"), p50: 80, p95: 150 },
      { t: Date.parse("2026-01-20T12:00:00Z"), p50: 90, p95: 200 },
    ]);
  });
});
