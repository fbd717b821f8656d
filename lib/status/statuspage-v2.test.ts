import { describe, expect, it } from "vitest";
import snapshotJson from "@/tests/fixtures/status/snapshot.json";
import { checkV2Shape } from "@/tests/fixtures/status/v2-fields";
import type { StatusSnapshot } from "./status-types";
import {
  v2ActiveMaintenances,
  v2Components,
  v2Incidents,
  v2ScheduledMaintenances,
  v2Status,
  v2Summary,
  v2UnresolvedIncidents,
  v2UpcomingMaintenances,
} from "./statuspage-v2";

const snapshot = snapshotJson as StatusSnapshot;
const shapeOf = (body: object) =>
  checkV2Shape(body as Record<string, unknown>, (a, b) => expect(a).toEqual(b));

describe("Statuspage API v2 answers", () => {
  it("name the page as Statuspage does", () => {
    expect(v2Status(snapshot)).toEqual({
      page: {
        id: "k3v9x0q2m7ab",
        name: "Stashbox",
        url: "https://status.stashbox.test",
        time_zone: "Pacific/Auckland",
        updated_at: "2026-01-20T11:12:00.000Z",
      },
      status: { indicator: "critical", description: "Major System Outage" },
    });
  });

  it("list components and groups, a group with its children's ids", () => {
    const { components } = v2Components(snapshot);
    expect(components[0]).toEqual({
      id: "1",
      name: "Storage",
      status: "major_outage",
      created_at: "2026-01-14T08:00:00.000Z",
      updated_at: "2026-01-20T11:12:00.000Z",
      position: 1,
      description: "Where your files live",
      showcase: true,
      start_date: "2026-01-14",
      group_id: null,
      page_id: "k3v9x0q2m7ab",
      group: true,
      only_show_if_degraded: false,
      components: ["2", "3"],
    });
    expect(components[2]).toMatchObject({ id: "3", group_id: "1", only_show_if_degraded: true });
    expect(components[2]).not.toHaveProperty("components");
    expect(components[3]).toMatchObject({ showcase: false, start_date: null });
  });

  it("give incidents their updates, newest first, and their components", () => {
    const { incidents } = v2Incidents(snapshot);
    expect(incidents.map((i) => i.id)).toEqual(["12", "11"]);
    const [, older] = incidents;
    expect(older).toMatchObject({
      status: "resolved",
      impact: "minor",
      monitoring_at: "2026-01-15T02:40:00.000Z",
      resolved_at: "2026-01-15T03:12:00.000Z",
      started_at: "2026-01-15T02:00:00.000Z",
      shortlink: "https://status.stashbox.test#incident-11",
      page_id: "k3v9x0q2m7ab",
    });
    expect(older!.incident_updates.map((u) => u.status)).toEqual([
      "resolved",
      "monitoring",
      "investigating",
    ]);
    expect(older!.incident_updates[1]).toEqual({
      id: "29",
      status: "monitoring",
      body: "99% of users are experiencing smoothness. We are monitoring.",
      incident_id: "11",
      created_at: "2026-01-15T02:40:00.000Z",
      updated_at: "2026-01-15T02:40:00.000Z",
      display_at: "2026-01-15T02:40:00.000Z",
      affected_components: null,
      deliver_notifications: true,
      custom_tweet: null,
      tweet_id: null,
    });
    expect(older!.components.map((c) => c.name)).toEqual(["Website"]);
    expect(v2UnresolvedIncidents(snapshot).incidents.map((i) => i.id)).toEqual(["12"]);
  });

  it("show maintenance as Statuspage does: an incident of impact maintenance with its window", () => {
    const all = v2ScheduledMaintenances(snapshot).scheduled_maintenances;
    expect(all.map((m) => [m.id, m.status])).toEqual([
      ["5", "scheduled"],
      ["4", "in_progress"],
      ["3", "completed"],
    ]);
    expect(all[0]).toMatchObject({
      impact: "maintenance",
      scheduled_for: "2026-01-24T14:00:00.000Z",
      scheduled_until: "2026-01-24T16:00:00.000Z",
      started_at: "2026-01-24T14:00:00.000Z",
      resolved_at: null,
      incident_updates: [
        { status: "scheduled", body: "Uploads will be read-only for up to two hours." },
      ],
      components: [{ id: "1", group: true }],
    });
    expect(all[2]).toMatchObject({ resolved_at: "2026-01-17T15:00:00.000Z", incident_updates: [] });
    expect(v2UpcomingMaintenances(snapshot).scheduled_maintenances.map((m) => m.id)).toEqual(["5"]);
    expect(v2ActiveMaintenances(snapshot).scheduled_maintenances.map((m) => m.id)).toEqual(["4"]);
  });

  it("sum up what is current", () => {
    const summary = v2Summary(snapshot);
    expect(Object.keys(summary)).toEqual([
      "page",
      "components",
      "incidents",
      "scheduled_maintenances",
      "status",
    ]);
    expect(summary.incidents.map((i) => i.id)).toEqual(["12"]);
    expect(summary.scheduled_maintenances.map((m) => m.id)).toEqual(["4", "5"]);
  });

  it("carry exactly Statuspage's fields on every object of every endpoint", () => {
    for (const answer of [
      v2Summary,
      v2Status,
      v2Components,
      v2Incidents,
      v2UnresolvedIncidents,
      v2ScheduledMaintenances,
      v2UpcomingMaintenances,
      v2ActiveMaintenances,
    ]) {
      expect(shapeOf(answer(snapshot))).toBeGreaterThan(0);
    }
  });
});
