import { describe, expect, it } from "vitest";
import { detectRecoveries, type EndedOutage, type OutageRule } from "./outage-rules";

const t0 = Date.UTC(2026, 10, 1);
const at = (minutes: number) => new Date(t0 + minutes * 60_000);
const rule: OutageRule = {
  kind: "outage-resolved",
  key: "recovered",
  minDuration: 5 * 60_000,
  stableFor: 60 * 60_000,
};
const outage = (id: number, from: number, to: number | null, extra: Partial<EndedOutage> = {}) => ({
  id,
  monitorId: 1,
  startedAt: at(from),
  endedAt: to === null ? null : at(to),
  severity: "major" as const,
  label: "API",
  successRate: 0.994,
  ...extra,
});

describe("running stable again", () => {
  it("records an outage over once the service ran stableFor after it, with its success rate", () => {
    const events = detectRecoveries(rule, [outage(7, 0, 45)], at(105));
    expect(events).toEqual([
      {
        key: "recovered:7",
        rule: "outage-resolved",
        ruleKey: "recovered",
        metAt: at(45),
        value: 45,
        details: {
          label: "API running stable again",
          component: "API",
          outageId: 7,
          durationMs: 45 * 60_000,
          successRate: 0.994,
          stableForMs: 3_600_000,
        },
      },
    ]);
    expect(detectRecoveries(rule, [outage(7, 0, 45)], at(104))).toEqual([]);
  });

  it("skips short, ongoing and merely degraded outages", () => {
    const outages = [
      outage(1, 0, 4),
      outage(2, 10, null),
      outage(3, 20, 80, { severity: "degraded", monitorId: 2 }),
    ];
    expect(detectRecoveries(rule, outages, at(1000))).toEqual([]);
  });

  it("does not call a recovery stable when the same monitor went down again within stableFor", () => {
    const outages = [outage(1, 0, 30), outage(2, 60, 100), outage(3, 70, 90, { monitorId: 2 })];
    const events = detectRecoveries(rule, outages, at(1000));
    expect(events.map((e) => e.key)).toEqual(["recovered:2"]);
  });

  it("makes one recovery of outages that overlap, naming every component", () => {
    const outages = [
      outage(4, 0, 60, { monitorId: 1, label: "Website" }),
      outage(5, 2, 62, { monitorId: 2, label: "API", successRate: 0.97 }),
      outage(6, 5, 58, { monitorId: 3, label: "Uploads" }),
      outage(8, 300, 330, { monitorId: 2, label: "API" }),
    ];
    const events = detectRecoveries(rule, outages, at(1000));
    expect(events.map((e) => [e.key, e.details.label, e.value])).toEqual([
      ["recovered:4", "Website, API and Uploads running stable again", 62],
      ["recovered:8", "API running stable again", 30],
    ]);
    expect(events[0]!.details.successRate).toBe(0.97);
    // Stable only when none of the group's monitors went down again within stableFor.
    const again = [...outages, outage(9, 100, 110, { monitorId: 3, label: "Uploads" })];
    expect(detectRecoveries(rule, again, at(1000)).map((e) => e.key)).toEqual([
      "recovered:9",
      "recovered:8",
    ]);
  });
});
