import { describe, expect, it } from "vitest";
import { detectMetricMilestones, type MetricRule, thresholdsBetween } from "./metric-rules";

const t0 = Date.UTC(2026, 10, 1);
const at = (minutes: number) => new Date(t0 + minutes * 60_000);
const rule: MetricRule = {
  kind: "metric",
  key: "users",
  metric: "users_total",
  thresholds: [1000, 5000],
};
const context = { metricName: "users", launchedAt: at(0) };

describe("thresholds", () => {
  it("lists those above the first value and up to the highest, from a list or a series", () => {
    expect(thresholdsBetween([5000, 1000, 100], 100, 4999)).toEqual([1000]);
    expect(thresholdsBetween("powers-of-ten", 42, 250_000)).toEqual([100, 1000, 10_000, 100_000]);
    expect(thresholdsBetween("1-2-5", 150, 1200)).toEqual([200, 500, 1000]);
  });
});

describe("metric milestones", () => {
  it("interpolates between two close rising samples straddling the threshold", () => {
    const samples = [
      { at: at(0), value: 0 },
      { at: at(30), value: 800 },
      { at: at(40), value: 1200 },
    ];
    const [event] = detectMetricMilestones({ ...rule, thresholds: [1000] }, samples, context);
    // 800 → 1200 over 10 minutes: 1000 is half way, at minute 35.
    expect(event).toMatchObject({ key: "metric:users:1000", value: 1000, metAt: at(35) });
    expect(event!.details).toMatchObject({ interpolated: true, elapsedMs: 35 * 60_000 });
  });

  it("reads samples in any order, and takes the first sample over when the two are over an hour apart", () => {
    const samples = [
      { at: at(40), value: 8000 },
      { at: at(0), value: 0 },
    ];
    const events = detectMetricMilestones(rule, samples, context);
    expect(events.map((e) => [e.key, e.metAt, e.details.interpolated])).toEqual([
      ["metric:users:1000", at(5), true],
      ["metric:users:5000", at(25), true],
    ]);
    const far = detectMetricMilestones(rule, [samples[1]!, { at: at(61), value: 8000 }], context);
    expect(far.map((e) => [e.metAt, e.details.interpolated])).toEqual([
      [at(61), false],
      [at(61), false],
    ]);
  });

  it("does not date a threshold the first sample already met, nor one never reached", () => {
    const samples = [
      { at: at(0), value: 1500 },
      { at: at(5), value: 4000 },
    ];
    expect(detectMetricMilestones(rule, samples, context)).toEqual([]);
  });

  it("leaves elapsed unknown without a launch time", () => {
    const samples = [
      { at: at(0), value: 0 },
      { at: at(10), value: 1000 },
    ];
    const [event] = detectMetricMilestones(rule, samples, { ...context, launchedAt: null });
    expect(event!.metAt).toEqual(at(10));
    expect(event!.details.elapsedMs).toBeNull();
  });
});
