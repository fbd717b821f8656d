import { describe, expect, it } from "vitest";
import {
  type PlanIncident,
  type PlanMaintenance,
  type PlanOutage,
  planAutomaticIncidents,
} from "./plan-incidents";

const t = (minute: number) => new Date(Date.UTC(2026, 0, 20, 10, minute));
const outage = (
  id: number,
  start: number,
  end: number | null,
  severity: PlanOutage["severity"] = "major",
  componentId = 1,
): PlanOutage => ({
  id,
  componentId,
  startedAt: t(start),
  endedAt: end === null ? null : t(end),
  severity,
});
const incident = (partial: Partial<PlanIncident> & { id: number }): PlanIncident => ({
  automatic: true,
  outageId: null,
  componentIds: [1],
  startedAt: t(0),
  open: true,
  resolvedAt: null,
  impact: "critical",
  ...partial,
});
const plan = (
  outages: PlanOutage[],
  incidents: PlanIncident[] = [],
  maintenances: PlanMaintenance[] = [],
  now = t(59),
) => planAutomaticIncidents({ outages, incidents, maintenances, now });

describe("planning automatic incidents", () => {
  it("opens one incident for a new outage", () => {
    expect(plan([outage(7, 0, null, "partial")])).toEqual([
      {
        kind: "open",
        componentId: 1,
        outageId: 7,
        startedAt: t(0),
        severity: "partial",
        resolvedAt: null,
      },
    ]);
  });

  it("lets a second monitor of the component join the open incident, and worsen it", () => {
    const open = incident({ id: 3, outageId: 7, impact: "minor" });
    expect(plan([outage(7, 0, null, "degraded"), outage(8, 5, null, "major")], [open])).toEqual([
      { kind: "worsen", incidentId: 3, severity: "major" },
    ]);
  });

  it("resolves at the last end once every outage behind it has ended", () => {
    const open = incident({ id: 3, outageId: 7 });
    expect(plan([outage(7, 0, 30), outage(8, 5, 42)], [open])).toEqual([
      { kind: "resolve", incidentId: 3, startedAt: t(0), resolvedAt: t(42) },
    ]);
    expect(plan([outage(7, 0, 30), outage(8, 5, null)], [open])).toEqual([]);
  });

  it("changes nothing once every outage has its incident", () => {
    const done = incident({ id: 3, outageId: 7, open: false, resolvedAt: t(30) });
    const open = incident({ id: 4, outageId: 9, startedAt: t(40) });
    expect(plan([outage(7, 0, 30), outage(8, 10, 20), outage(9, 40, null)], [done, open])).toEqual(
      [],
    );
  });

  it("opens a new incident for an outage after the last one was resolved", () => {
    const done = incident({ id: 3, outageId: 7, open: false, resolvedAt: t(30) });
    expect(plan([outage(7, 0, 30), outage(8, 31, null)], [done])).toMatchObject([
      { kind: "open", outageId: 8, startedAt: t(31) },
    ]);
  });

  it("replays a backlog as live runs would have: separate outages, separate incidents", () => {
    const actions = plan([outage(1, 0, 10), outage(2, 5, 12), outage(3, 20, null, "degraded")]);
    expect(actions).toEqual([
      {
        kind: "open",
        componentId: 1,
        outageId: 1,
        startedAt: t(0),
        severity: "major",
        resolvedAt: t(12),
      },
      {
        kind: "open",
        componentId: 1,
        outageId: 3,
        startedAt: t(20),
        severity: "degraded",
        resolvedAt: null,
      },
    ]);
  });

  it("keeps one incident per component, not one per component and monitor", () => {
    const actions = plan([outage(1, 0, null, "major", 1), outage(2, 1, null, "major", 2)]);
    expect(actions.map((a) => a.kind === "open" && a.componentId)).toEqual([1, 2]);
  });

  it("opens nothing for an outage inside a maintenance window, unless it outlasts it", () => {
    const window: PlanMaintenance = {
      componentIds: [1],
      scheduledFor: t(0),
      scheduledUntil: t(30),
    };
    expect(plan([outage(1, 5, 20)], [], [window])).toEqual([]);
    expect(plan([outage(1, 5, null)], [], [window], t(25))).toEqual([]);
    expect(plan([outage(1, 5, null)], [], [window], t(45))).toMatchObject([{ kind: "open" }]);
    expect(plan([outage(1, 5, 20, "major", 2)], [], [window])).toMatchObject([{ kind: "open" }]);
  });

  it("leaves a founder's incident to the founder, but lets it cover the component's outages", () => {
    const manual = incident({ id: 5, automatic: false, startedAt: t(0) });
    expect(plan([outage(1, 2, 20)], [manual])).toEqual([]);
  });

  it("resolves an automatic incident whose outages are gone", () => {
    const open = incident({ id: 3, outageId: null });
    expect(plan([], [open])).toEqual([
      { kind: "resolve", incidentId: 3, startedAt: t(0), resolvedAt: t(59) },
    ]);
  });

  it("ignores outages that start after now", () => {
    expect(plan([outage(1, 30, null)], [], [], t(10))).toEqual([]);
  });
});
