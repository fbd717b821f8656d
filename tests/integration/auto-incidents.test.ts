// Automatic incidents from outage windows in a real PostgreSQL: opened, joined by a second
// monitor, worsened, resolved, suppressed by maintenance, idempotent and safe with two callers.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { createDatabase, type Database } from "@/lib/database/client";
import { syncConfig } from "@/lib/setup/sync-config";
import { syncAutomaticIncidents } from "@/lib/status/auto-incidents";
import { recordCheck } from "@/lib/uptime/record-check";
import { recordOutages } from "@/lib/uptime/record-outages";
import { createTestDatabase, type TestDatabase } from "../support/database";

const config = parseConfig(
  `service: { name: Stashbox, domain: stashbox.test }
components:
  - { key: storage, name: Storage }
  - { key: uploads, name: Uploads and downloads, group: storage }
  - { key: web, name: Website }
monitors:
  - { key: uploads-eu, name: Uploads EU, type: http, url: "http://127.0.0.1:1/eu", component: uploads }
  - { key: uploads-us, name: Uploads US, type: http, url: "http://127.0.0.1:1/us", component: uploads }
  - { key: web, name: Website, type: http, url: "http://127.0.0.1:1/", component: web }
  - { key: internal, name: Internal, type: http, url: "http://127.0.0.1:1/internal" }`,
  "t.yaml",
);
const t = (minute: number) => new Date(Date.UTC(2026, 0, 20, 10, minute));

let database: TestDatabase;
let db: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  await syncConfig(db, config);
});
afterAll(() => database?.drop());
beforeEach(async () => {
  await db.$executeRaw`TRUNCATE "check", outage, incident, incident_update, maintenance CASCADE`;
});

async function addOutage(
  monitor: string,
  start: number,
  end: number | null,
  severity: "degraded" | "partial" | "major" = "major",
) {
  await db.$executeRaw`
    INSERT INTO outage (monitor_id, component_id, started_at, ended_at, severity)
    SELECT id, component_id, ${t(start)}, ${end === null ? null : t(end)}, ${severity}::outage_severity
    FROM monitor WHERE key = ${monitor}
    ON CONFLICT (monitor_id, started_at) DO UPDATE SET ended_at = excluded.ended_at, severity = excluded.severity`;
}

async function incidents() {
  const rows = await db.incident.findMany({
    orderBy: { id: "asc" },
    include: {
      components: { select: { key: true } },
      updates: { orderBy: { id: "asc" }, select: { status: true, body: true, createdAt: true } },
      outage: { select: { monitor: { select: { key: true } } } },
    },
  });
  return rows.map((r) => ({
    name: r.name,
    status: r.status,
    impact: r.impact,
    automatic: r.automatic,
    startedAt: r.startedAt,
    resolvedAt: r.resolvedAt,
    outage: r.outage?.monitor.key ?? null,
    components: r.components.map((c) => c.key),
    updates: r.updates,
  }));
}

describe("automatic incidents", () => {
  it("opens one for a new outage, with its component and a first public update", async () => {
    await addOutage("uploads-eu", 0, null, "major");
    expect(await syncAutomaticIncidents(db, t(1))).toEqual({ opened: 1, resolved: 0 });
    expect(await incidents()).toEqual([
      {
        name: "Uploads and downloads: major outage",
        status: "investigating",
        impact: "critical",
        automatic: true,
        startedAt: t(0),
        resolvedAt: null,
        outage: "uploads-eu",
        components: ["uploads"],
        updates: [
          {
            status: "investigating",
            body: "Uploads and downloads is not responding. We are investigating.",
            createdAt: t(0),
          },
        ],
      },
    ]);
  });

  it("adds a second monitor of the same component to the open incident, then resolves at the last end", async () => {
    await addOutage("uploads-eu", 0, null, "degraded");
    await syncAutomaticIncidents(db, t(1));
    await addOutage("uploads-us", 10, null, "major");
    expect(await syncAutomaticIncidents(db, t(11))).toEqual({ opened: 0, resolved: 0 });
    let [incident] = await incidents();
    expect(await db.incident.count()).toBe(1);
    // The worse outage raised the impact and the name.
    expect(incident).toMatchObject({
      name: "Uploads and downloads: major outage",
      impact: "critical",
    });

    await addOutage("uploads-eu", 0, 50, "degraded");
    expect(await syncAutomaticIncidents(db, t(51))).toEqual({ opened: 0, resolved: 0 });
    await addOutage("uploads-us", 10, 72, "major");
    expect(await syncAutomaticIncidents(db, new Date(t(72).getTime() + 5_000))).toEqual({
      opened: 0,
      resolved: 1,
    });
    [incident] = await incidents();
    expect(incident).toMatchObject({ status: "resolved", resolvedAt: t(72) });
    expect(incident!.updates.at(-1)).toEqual({
      status: "resolved",
      body: "This incident has been resolved. It lasted 1 h 12 min.",
      createdAt: t(72),
    });
  });

  it("opens a new incident when the component fails again after it was resolved", async () => {
    await addOutage("web", 0, 5);
    await syncAutomaticIncidents(db, t(6));
    await addOutage("web", 20, null, "partial");
    expect(await syncAutomaticIncidents(db, t(21))).toEqual({ opened: 1, resolved: 0 });
    expect((await incidents()).map((i) => [i.status, i.impact, i.startedAt])).toEqual([
      ["resolved", "critical", t(0)],
      ["investigating", "major", t(20)],
    ]);
  });

  it("opens no incident for an outage inside a maintenance window of the component or its group", async () => {
    await db.maintenance.create({
      data: {
        name: "Storage migration",
        status: "in_progress",
        scheduledFor: t(0),
        scheduledUntil: t(60),
        components: { connect: [{ key: "storage" }] },
      },
    });
    await addOutage("uploads-eu", 5, null);
    expect(await syncAutomaticIncidents(db, t(10))).toEqual({ opened: 0, resolved: 0 });
    await addOutage("web", 5, null);
    expect(await syncAutomaticIncidents(db, t(10))).toEqual({ opened: 1, resolved: 0 });
    // Still failing after the window closed: now it is an incident.
    expect(await syncAutomaticIncidents(db, t(61))).toEqual({ opened: 1, resolved: 0 });
  });

  it("leaves monitors without a component off the public page", async () => {
    await addOutage("internal", 0, null);
    expect(await syncAutomaticIncidents(db, t(1))).toEqual({ opened: 0, resolved: 0 });
  });

  it("is idempotent: a second run writes nothing", async () => {
    await addOutage("web", 0, 30);
    await addOutage("uploads-eu", 10, null);
    expect(await syncAutomaticIncidents(db, t(40))).toEqual({ opened: 2, resolved: 1 });
    const first = await incidents();
    const updates = await db.incidentUpdate.count();
    expect(await syncAutomaticIncidents(db, t(40))).toEqual({ opened: 0, resolved: 0 });
    expect(await incidents()).toEqual(first);
    expect(await db.incidentUpdate.count()).toBe(updates);
  });

  it("writes each incident once when two callers run at the same time", async () => {
    await addOutage("web", 0, null);
    await addOutage("uploads-eu", 1, 30);
    // A second client: its own connections, as a second worker would have.
    const other = createDatabase(database.url, { max: 2 });
    try {
      const results = await Promise.all([
        syncAutomaticIncidents(db, t(40)),
        syncAutomaticIncidents(other, t(40)),
        syncAutomaticIncidents(db, t(40)),
      ]);
      expect(results.reduce((sum, r) => sum + r.opened, 0)).toBe(2);
      expect(results.reduce((sum, r) => sum + r.resolved, 0)).toBe(1);
    } finally {
      await other.$disconnect();
    }
    expect(await db.incident.count()).toBe(2);
    expect(await db.incidentUpdate.count()).toBe(3);
  });

  it("follows outages recorded from real checks", async () => {
    const rules = { failuresToOpen: 3, successesToClose: 2 };
    const check = async (minute: number, status: "up" | "down") => {
      await recordCheck(db, "web", t(minute), {
        status,
        latencyMs: 20,
        httpStatus: status === "down" ? 503 : 200,
        error: null,
      });
      await recordOutages(db, "web", rules, t(minute));
      return syncAutomaticIncidents(db, t(minute));
    };
    for (const minute of [0, 1]) await check(minute, "down");
    expect(await check(2, "down")).toEqual({ opened: 1, resolved: 0 });
    await check(3, "up");
    expect(await check(4, "up")).toEqual({ opened: 0, resolved: 1 });
    expect((await incidents())[0]).toMatchObject({
      status: "resolved",
      startedAt: t(0),
      resolvedAt: t(3),
    });
  });
});
