import { describe, expect, it } from "vitest";
import { componentStatus } from "./component-status";

describe("a component's status from its monitors' open outages", () => {
  it.each([
    [[], "operational"],
    [[null], "operational"],
    [[null, null, null], "operational"],
    [["degraded"], "degraded_performance"],
    [[null, "degraded"], "degraded_performance"],
    [["major"], "major_outage"],
    [["major", "major", "major"], "major_outage"],
    // Down together, even while one still says partial (its siblings went down after it).
    [["partial", "major"], "major_outage"],
    [["partial", null], "partial_outage"],
    [["partial", "degraded"], "partial_outage"],
    [[null, "major", null], "partial_outage"],
  ] as const)("%j → %s", (states, expected) => {
    expect(componentStatus(states)).toBe(expected);
  });
});
