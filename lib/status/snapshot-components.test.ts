import { describe, expect, it } from "vitest";
import type { ComponentOutage } from "./read-outage-spans";
import type { ComponentRow } from "./read-status-components";
import { assembleComponents } from "./snapshot-components";
import { lastDays } from "./status-days";
import type { IncidentImpact, IncidentStatus } from "./status-types";

const now = new Date("2026-01-20T12:00:00Z");
const timeZone = "UTC";
const days = lastDays(now, timeZone, 90);

// A Storage group (1) of Uploads (2, monitor 20) and Sharing (3, monitor 30); a Website (4,
// monitor 40) on its own.
const row = (id: number, name: string, extra: Partial<ComponentRow> = {}): ComponentRow => ({
  id,
  key: name.toLowerCase(),
  name,
  description: null,
  groupId: null,
  position: id,
  showcase: true,
  onlyShowIfDegraded: false,
  statusOverride: null,
  createdAt: new Date("2025-10-01T00:00:00Z"),
  updatedAt: new Date("2025-10-01T00:00:00Z"),
  watchedFrom: new Date("2025-10-01T00:00:00Z"),
  monitorIds: [],
  ...extra,
});
const rows = [
  row(1, "Storage"),
  row(2, "Uploads", { groupId: 1, monitorIds: [20] }),
  row(3, "Sharing", { groupId: 1, monitorIds: [30] }),
  row(4, "Website", { monitorIds: [40] }),
];

const incident = (
  impact: IncidentImpact,
  componentIds: string[],
  status: IncidentStatus = "identified",
  createdAt = "2026-01-20T11:30:00.000Z",
) => ({
  status,
  impact,
  componentIds,
  createdAt,
  resolvedAt: status === "resolved" ? "2026-01-20T11:50:00.000Z" : null,
});

function assemble(
  input: {
    rows?: ComponentRow[];
    outages?: ComponentOutage[];
    incidents?: ReturnType<typeof incident>[];
    inMaintenance?: string[];
  } = {},
) {
  const components = assembleComponents({
    rows: input.rows ?? rows,
    outages: input.outages ?? [],
    inMaintenance: new Set(input.inMaintenance ?? []),
    incidents: input.incidents ?? [],
    days,
    timeZone,
    now,
  });
  return Object.fromEntries(components.map((c) => [c.key, c]));
}

const statuses = (components: ReturnType<typeof assemble>) =>
  Object.fromEntries(Object.entries(components).map(([key, c]) => [key, c.status]));

describe("a component an incident affects", () => {
  it("carries the incident's impact while the incident is unresolved; its group follows", () => {
    const shown = assemble({ incidents: [incident("major", ["2"])] });
    expect(statuses(shown)).toEqual({
      storage: "partial_outage",
      uploads: "partial_outage",
      sharing: "operational",
      website: "operational",
    });
    // What the monitors say stays apart.
    expect(shown.uploads!.computedStatus).toBe("operational");
    expect(shown.storage!.computedStatus).toBe("operational");
    // Its status changed when the incident was opened.
    expect(shown.uploads!.updatedAt).toBe("2026-01-20T11:30:00.000Z");
    expect(shown.storage!.updatedAt).toBe("2026-01-20T11:30:00.000Z");
    expect(shown.website!.updatedAt).toBe("2025-10-01T00:00:00.000Z");
  });

  it("shows the worse of its monitors' status and the incident's", () => {
    const outage: ComponentOutage = {
      componentId: 4,
      monitorId: 40,
      start: new Date("2026-01-20T11:00:00Z"),
      end: null,
      severity: "major",
    };
    const worse = assemble({ outages: [outage], incidents: [incident("minor", ["4"])] });
    expect(worse.website!.status).toBe("major_outage");
    const milder = assemble({ incidents: [incident("critical", ["4"], "monitoring")] });
    expect(milder.website!.status).toBe("major_outage");
    expect(milder.website!.computedStatus).toBe("operational");
  });

  it("is left alone by resolved incidents and by incidents without impact", () => {
    const shown = assemble({
      incidents: [incident("critical", ["2"], "resolved"), incident("none", ["4"])],
    });
    expect(Object.values(statuses(shown))).toEqual(Array(4).fill("operational"));
    expect(shown.uploads!.updatedAt).toBe("2026-01-20T11:50:00.000Z");
  });

  it("reaches every component of a group the incident names", () => {
    const shown = assemble({ incidents: [incident("minor", ["1"])] });
    expect([shown.storage!.status, shown.uploads!.status, shown.sharing!.status]).toEqual([
      "degraded_performance",
      "degraded_performance",
      "degraded_performance",
    ]);
  });

  it("shows a founder's override instead, and an incident outranks maintenance", () => {
    const overridden = rows.map((r) =>
      r.id === 2 ? { ...r, statusOverride: "operational" as const } : r,
    );
    const shown = assemble({
      rows: overridden,
      incidents: [incident("critical", ["2", "3"])],
      inMaintenance: ["3"],
    });
    expect(shown.uploads!.status).toBe("operational");
    expect(shown.sharing!.status).toBe("major_outage");
    expect(shown.sharing!.computedStatus).toBe("under_maintenance");
    expect(shown.storage!.status).toBe("major_outage");
  });
});
