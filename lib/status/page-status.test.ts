import { describe, expect, it } from "vitest";
import { incidentStatuses, maintenanceStatusAt, overallStatus, worstStatus } from "./page-status";

const at = (hour: number) => new Date(Date.UTC(2026, 0, 20, hour));

describe("statuses", () => {
  it("roll up to the worst, maintenance above operational only", () => {
    expect(worstStatus(["under_maintenance", "operational"])).toBe("under_maintenance");
    expect(worstStatus(["under_maintenance", "degraded_performance"])).toBe("degraded_performance");
  });

  it("move a maintenance window along with the clock, unless a founder said otherwise", () => {
    const window = [at(10), at(12)] as const;
    expect(maintenanceStatusAt("scheduled", ...window, at(9))).toBe("scheduled");
    expect(maintenanceStatusAt("scheduled", ...window, at(10))).toBe("in_progress");
    expect(maintenanceStatusAt("in_progress", ...window, at(12))).toBe("completed");
    expect(maintenanceStatusAt("in_progress", ...window, at(9))).toBe("in_progress");
    expect(maintenanceStatusAt("verifying", ...window, at(13))).toBe("verifying");
    expect(maintenanceStatusAt("completed", ...window, at(11))).toBe("completed");
  });
});

describe("the overall indicator", () => {
  const ok = { status: "operational" as const };
  it("says all is well when it is", () => {
    expect(overallStatus([ok, ok], [], [])).toEqual({
      indicator: "none",
      description: "All Systems Operational",
    });
  });

  it("follows the worst component", () => {
    expect(overallStatus([ok, { status: "degraded_performance" }], [], [])).toEqual({
      indicator: "minor",
      description: "Minor Service Outage",
    });
    expect(overallStatus([{ status: "partial_outage" }], [], []).description).toBe(
      "Partial System Outage",
    );
    expect(
      overallStatus([{ status: "major_outage" }, { status: "partial_outage" }], [], []),
    ).toEqual({ indicator: "critical", description: "Major System Outage" });
  });

  it("counts unresolved incidents' impact, not resolved ones", () => {
    expect(overallStatus([ok], [{ status: "monitoring", impact: "major" }], []).indicator).toBe(
      "major",
    );
    expect(overallStatus([ok], [{ status: "resolved", impact: "critical" }], []).indicator).toBe(
      "none",
    );
  });

  it("shows maintenance only when nothing is worse", () => {
    expect(overallStatus([{ status: "under_maintenance" }], [], [])).toEqual({
      indicator: "maintenance",
      description: "Service Under Maintenance",
    });
    expect(overallStatus([ok], [], [{ status: "in_progress" }]).indicator).toBe("maintenance");
    expect(overallStatus([ok], [], [{ status: "scheduled" }]).indicator).toBe("none");
    expect(
      overallStatus([{ status: "degraded_performance" }], [], [{ status: "in_progress" }])
        .indicator,
    ).toBe("minor");
  });
});

describe("incidents on the components they affect", () => {
  const incident = (
    impact: "none" | "minor" | "major" | "critical",
    componentIds: string[],
    status:
      "investigating" | "identified" | "monitoring" | "resolved" | "postmortem" = "identified",
  ) => ({ status, impact, componentIds });

  it("give each affected component the status its impact implies, as Statuspage does", () => {
    const shown = incidentStatuses([
      incident("minor", ["1"]),
      incident("major", ["2"], "investigating"),
      incident("critical", ["3"], "monitoring"),
      incident("none", ["4"]),
    ]);
    expect(Object.fromEntries(shown)).toEqual({
      "1": "degraded_performance",
      "2": "partial_outage",
      "3": "major_outage",
    });
  });

  it("keep the worst of several, and leave resolved incidents out", () => {
    const shown = incidentStatuses([
      incident("minor", ["1", "2"]),
      incident("major", ["2"]),
      incident("critical", ["1"], "resolved"),
      incident("critical", ["2"], "postmortem"),
    ]);
    expect(Object.fromEntries(shown)).toEqual({
      "1": "degraded_performance",
      "2": "partial_outage",
    });
  });

  it("reach every component of a group the incident names", () => {
    const shown = incidentStatuses([incident("major", ["10"])], new Map([["10", ["11", "12"]]]));
    expect(shown.get("11")).toBe("partial_outage");
    expect(shown.get("12")).toBe("partial_outage");
  });
});
