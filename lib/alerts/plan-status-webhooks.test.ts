import { describe, expect, it } from "vitest";
import type { StatusComponent, StatusIncident, StatusSnapshot } from "@/lib/status/status-types";
import { type HeardStates, incidentVersion, planStatusWebhooks } from "./plan-status-webhooks";

const component = (id: string, status: StatusComponent["status"]): StatusComponent => ({
  id,
  key: `c${id}`,
  name: id === "1" ? "Uploads" : "Website",
  description: null,
  status,
  computedStatus: status,
  position: 0,
  showcase: true,
  onlyShowIfDegraded: false,
  groupId: null,
  group: false,
  components: [],
  createdAt: "2026-01-18T00:00:00.000Z",
  updatedAt: "2026-01-20T05:12:00.000Z",
  startDate: "2026-01-18",
  days: [],
  uptime90d: null,
});

const incident: StatusIncident = {
  id: "7",
  name: "Uploads: major outage",
  status: "investigating",
  impact: "critical",
  automatic: true,
  shortlink: "https://status.stashbox.test/status#incident-7",
  createdAt: "2026-01-20T05:15:00.000Z",
  updatedAt: "2026-01-20T05:15:00.000Z",
  startedAt: "2026-01-20T05:12:00.000Z",
  monitoringAt: null,
  resolvedAt: null,
  updates: [
    {
      id: "70",
      incidentId: "7",
      status: "investigating",
      body: "Uploads is not responding. We are investigating.",
      createdAt: "2026-01-20T05:12:00.000Z",
      updatedAt: "2026-01-20T05:12:00.000Z",
      displayAt: "2026-01-20T05:12:00.000Z",
    },
  ],
  componentIds: ["1"],
};

const snapshot = (components: StatusComponent[], incidents: StatusIncident[]): StatusSnapshot => ({
  generatedAt: "2026-01-20T05:15:00.000Z",
  page: {
    id: "inp9nrcyajh4",
    name: "Stashbox",
    url: "https://status.stashbox.test/status",
    timeZone: "UTC",
    updatedAt: "2026-01-20T05:15:00.000Z",
  },
  status: { indicator: "critical", description: "Major System Outage" },
  components,
  incidents,
  maintenances: [],
  lastHour: { successRate: null, checks: 0 },
  responseTimes: [],
});

const partner = [{ key: "partner", urlEnv: "P_URL", secretEnv: "P_SECRET", timeout: 5_000 }];
const heard = (entries: [string, string, number][]): HeardStates =>
  new Map([["partner", new Map(entries.map(([s, state, sequence]) => [s, { state, sequence }]))]]);

describe("planning status webhooks", () => {
  it("starts a new subscriber from the page as it is, sending nothing", () => {
    const rows = planStatusWebhooks(
      snapshot([component("1", "major_outage")], [incident]),
      partner,
      new Map(),
    );
    expect(rows.map((r) => [r.subject, r.event, r.baseline])).toEqual([
      ["page", "baseline", true],
      ["component:1", "baseline", true],
      ["incident:7", "baseline", true],
    ]);
  });

  it("sends a component's change with its old and new status, keyed by its sequence", () => {
    const rows = planStatusWebhooks(
      snapshot([component("1", "major_outage"), component("2", "operational")], []),
      partner,
      heard([
        ["page", "subscribed", 1],
        ["component:1", "operational", 2],
      ]),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      event: "component.updated",
      state: "major_outage",
      idempotencyKey: "webhooks:partner:component:1:3",
      baseline: false,
    });
    const body = JSON.parse(rows[0]!.body);
    expect(Object.keys(body)).toEqual(["meta", "page", "component_update", "component"]);
    expect(body.page).toMatchObject({ id: "inp9nrcyajh4", status_indicator: "critical" });
    expect(body.component_update).toEqual({
      id: "1.3",
      component_id: "1",
      created_at: "2026-01-20T05:12:00.000Z",
      old_status: "operational",
      new_status: "major_outage",
    });
    expect(body.component).toMatchObject({ id: "1", name: "Uploads", status: "major_outage" });
  });

  it("sends an incident created, updated and resolved, each once", () => {
    const page = (i: StatusIncident) => snapshot([], [i]);
    const started: [string, string, number][] = [["page", "subscribed", 1]];
    const [created] = planStatusWebhooks(page(incident), partner, heard(started));
    expect(created).toMatchObject({ event: "incident.created", subject: "incident:7" });
    expect(JSON.parse(created!.body).incident).toMatchObject({
      id: "7",
      status: "investigating",
      impact: "critical",
      incident_updates: [{ id: "70", body: "Uploads is not responding. We are investigating." }],
    });
    const afterCreated = heard([...started, ["incident:7", created!.state, 1]]);
    expect(planStatusWebhooks(page(incident), partner, afterCreated)).toEqual([]);

    const renamed = { ...incident, name: "Uploads: partial outage", impact: "major" as const };
    const [updated] = planStatusWebhooks(page(renamed), partner, afterCreated);
    expect(updated).toMatchObject({
      event: "incident.updated",
      idempotencyKey: "webhooks:partner:incident:7:2",
    });

    const resolved: StatusIncident = {
      ...renamed,
      status: "resolved",
      resolvedAt: "2026-01-20T06:24:30.000Z",
      updates: [
        { ...incident.updates[0]!, id: "71", status: "resolved", body: "Resolved." },
        ...incident.updates,
      ],
    };
    const afterUpdated = heard([...started, ["incident:7", updated!.state, 2]]);
    const [done] = planStatusWebhooks(page(resolved), partner, afterUpdated);
    expect(done).toMatchObject({ event: "incident.resolved", state: incidentVersion(resolved) });
    expect(JSON.parse(done!.body).meta).toMatchObject({
      event: "incident.resolved",
      unsubscribe: null,
    });
  });
});
