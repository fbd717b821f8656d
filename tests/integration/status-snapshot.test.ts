// The status snapshot built from a seeded PostgreSQL: components and groups with their statuses,
// 90-day bars cut at Auckland's midnights, incidents and maintenance in their windows, the last
// hour's success rate, response times, and the page's overall indicator.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { createDatabase, type Database } from "@/lib/database/client";
import { syncConfig } from "@/lib/setup/sync-config";
import { buildStatusSnapshot } from "@/lib/status/build-snapshot";
import { pageId } from "@/lib/status/page-identity";
import { createSnapshotCache } from "@/lib/status/snapshot-cache";
import type { StatusSnapshot } from "@/lib/status/status-types";
import { unknownSnapshot } from "@/lib/status/unknown-snapshot";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { freePort } from "../support/free-port";

const config = parseConfig(
  `timezone: Pacific/Auckland
service: { name: Stashbox, domain: stashbox.test }
statusPage: { url: "https://status.stashbox.test/" }
components:
  - { key: storage, name: Storage, position: 1, description: Where your files live }
  - { key: uploads, name: Uploads and downloads, group: storage, position: 1 }
  - { key: sharing, name: Shared links, group: storage, position: 2, onlyShowIfDegraded: true }
  - { key: web, name: Website, position: 2, showcase: false }
  - { key: api, name: API, position: 3 }
monitors:
  - { key: uploads-eu, name: Uploads EU, type: http, url: "http://127.0.0.1:1/eu", component: uploads }
  - { key: uploads-us, name: Uploads US, type: http, url: "http://127.0.0.1:1/us", component: uploads }
  - { key: share, name: Shared links, type: http, url: "http://127.0.0.1:1/s", component: sharing }
  - { key: web, name: Website, type: http, url: "http://127.0.0.1:1/", component: web }`,
  "t.yaml",
);
// Noon on 22 January in Auckland (UTC+13).
const now = new Date("2026-01-21T23:00:00Z");
const at = (iso: string) => new Date(iso);
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

let database: TestDatabase;
let db: Database;
let snapshot: StatusSnapshot;
const ids = new Map<string, number>();

async function outage(monitor: string, start: string, end: string | null, severity: string) {
  await db.$executeRaw`
    INSERT INTO outage (monitor_id, component_id, started_at, ended_at, severity)
    SELECT id, component_id, ${at(start)}, ${end === null ? null : at(end)}, ${severity}::outage_severity
    FROM monitor WHERE key = ${monitor}`;
}

/** One check a minute for `minutes` minutes ending at `end`, every `downEvery`-th one down. */
async function checks(monitor: string, end: Date, minutes: number, downEvery = 0, latency = 100) {
  await db.$executeRaw`
    INSERT INTO "check" (monitor_id, at, status, latency_ms)
    SELECT m.id, ${end}::timestamptz - make_interval(mins => i),
           CASE WHEN ${downEvery}::int > 0 AND i % ${downEvery}::int = 0 THEN 2 ELSE 0 END,
           ${latency}::int + i
    FROM monitor m, generate_series(0, ${minutes - 1}::int) i WHERE m.key = ${monitor}`;
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  await syncConfig(db, config);
  for (const c of await db.component.findMany()) ids.set(c.key, c.id);
  // As if the configuration had been synced before the launch.
  await db.$executeRaw`UPDATE component SET created_at = '2026-01-09T00:00:00Z', updated_at = '2026-01-09T00:00:00Z'`;

  // First watched: uploads since 10 January, shared links since the 15th, the website since
  // 18:00 on the 20th (local); the API has no monitor.
  await checks("uploads-eu", at("2026-01-10T00:00:00Z"), 1);
  await checks("uploads-us", at("2026-01-12T00:00:00Z"), 1);
  await checks("share", at("2026-01-15T00:00:00Z"), 1);
  await checks("web", at("2026-01-20T05:00:00Z"), 1);
  // The last hour: 60 website checks, every 20th down (3), and 30 upload checks, every 3rd down (10).
  await checks("web", now, 60, 20, 100);
  await checks("uploads-eu", now, 30, 3, 400);
  // Rollups for 20:00–21:00 UTC from two monitors: 30 and 10 checks.
  await db.$executeRaw`
    INSERT INTO check_rollup (monitor_id, bucket, start, ok_count, degraded_count, failed_count, latency_p50, latency_p95)
    SELECT id, 'hour'::rollup_bucket, '2026-01-21T20:00:00Z'::timestamptz, 30, 0, 0, 100, 300 FROM monitor WHERE key = 'web'
    UNION ALL
    SELECT id, 'hour'::rollup_bucket, '2026-01-21T20:00:00Z'::timestamptz, 8, 1, 1, 500, 900 FROM monitor WHERE key = 'share'`;

  // 23:30 on the 20th to 00:30 on the 21st (local), with a degraded monitor beside it until 01:00.
  await outage("uploads-eu", "2026-01-20T10:30:00Z", "2026-01-20T11:30:00Z", "major");
  await outage("uploads-us", "2026-01-20T10:30:00Z", "2026-01-20T12:00:00Z", "degraded");
  // The website has been down since 11:00 today (local).
  await outage("web", "2026-01-21T22:00:00Z", null, "major");
  // A retired monitor of the API left an outage open: it must not count.
  await db.$executeRaw`
    INSERT INTO monitor (key, name, type, target, interval_seconds, enabled, component_id)
    VALUES ('old-api', 'Old API', 'http', 'http://127.0.0.1:1/old', 60, false, ${ids.get("api")})`;
  await outage("old-api", "2026-01-21T20:00:00Z", null, "major");

  const incident = (
    name: string,
    started: Date,
    resolved: Date | null,
    impact: "minor" | "major",
  ) =>
    db.incident.create({
      data: {
        name,
        status: resolved ? "resolved" : "identified",
        impact,
        startedAt: started,
        resolvedAt: resolved,
        components: { connect: [{ key: "uploads" }] },
        updates: {
          create: [
            { status: "investigating", body: "Looking into it.", createdAt: started },
            ...(resolved
              ? [{ status: "resolved" as const, body: "Fixed.", createdAt: resolved }]
              : []),
          ],
        },
      },
    });
  await incident("Too old to show", daysAgo(100), daysAgo(99), "major");
  await incident("Slow uploads", daysAgo(10), daysAgo(9.9), "major");
  await incident("Old but still open", daysAgo(120), null, "minor");

  const window = (
    name: string,
    from: Date,
    until: Date,
    key: string,
    status = "scheduled" as const,
  ) =>
    db.maintenance.create({
      data: {
        name,
        status,
        scheduledFor: from,
        scheduledUntil: until,
        components: { connect: [{ key }] },
      },
    });
  await window(
    "Shared links migration",
    at("2026-01-21T22:30:00Z"),
    at("2026-01-22T01:00:00Z"),
    "sharing",
  );
  await window("Last week's upgrade", daysAgo(3.1), daysAgo(3), "uploads");
  await window("Long ago", daysAgo(10.1), daysAgo(10), "uploads");
  await window("Next region", daysAgo(-2), daysAgo(-1.9), "storage");

  snapshot = await buildStatusSnapshot(db, config, now);
});
afterAll(() => database?.drop());

const component = (key: string) => snapshot.components.find((c) => c.key === key)!;

describe("the status snapshot", () => {
  it("names the page", () => {
    expect(snapshot.generatedAt).toBe(now.toISOString());
    expect(snapshot.page).toMatchObject({
      id: pageId("stashbox.test"),
      name: "Stashbox",
      url: "https://status.stashbox.test",
      timeZone: "Pacific/Auckland",
    });
    expect(snapshot.page.id).toMatch(/^[a-z0-9]{12}$/);
    expect(pageId("stashbox.test")).toBe(pageId("STASHBOX.test"));
    // The newest change: the website's outage began at 22:00 UTC; the maintenance rows are newer.
    expect(Date.parse(snapshot.page.updatedAt)).toBeLessThanOrEqual(now.getTime());
  });

  it("lists components and groups in page order with their statuses", () => {
    expect(
      snapshot.components.map((c) => [c.key, c.status, c.group, c.groupId, c.components]),
    ).toEqual([
      [
        "storage",
        "degraded_performance",
        true,
        null,
        [String(ids.get("uploads")), String(ids.get("sharing"))],
      ],
      // Uploads' monitors are up, but its open minor incident shows on it, as on Statuspage.
      ["uploads", "degraded_performance", false, String(ids.get("storage")), []],
      ["sharing", "under_maintenance", false, String(ids.get("storage")), []],
      ["web", "major_outage", false, null, []],
      ["api", "operational", false, null, []],
    ]);
    expect([component("uploads").computedStatus, component("storage").computedStatus]).toEqual([
      "operational",
      "under_maintenance",
    ]);
    expect(component("storage")).toMatchObject({
      description: "Where your files live",
      position: 1,
    });
    expect(component("sharing").onlyShowIfDegraded).toBe(true);
    expect(component("web")).toMatchObject({
      showcase: false,
      updatedAt: "2026-01-21T22:00:00.000Z",
    });
  });

  it("says the page is in a major outage while the website is down", () => {
    expect(snapshot.status).toEqual({ indicator: "critical", description: "Major System Outage" });
  });

  it("cuts the 90 days at Auckland's midnights", () => {
    const uploads = component("uploads");
    expect(uploads.days).toHaveLength(90);
    expect(uploads.days.at(-1)!.date).toBe("2026-01-22");
    expect(uploads.days[0]!.date).toBe("2025-10-25");
    const [day20, day21, day22] = uploads.days.slice(-3);
    expect(day20).toMatchObject({
      date: "2026-01-20",
      outageMinutes: { degraded: 0, partial: 0, major: 30 },
    });
    expect(day20!.uptime).toBeCloseTo(1 - 30 / 1440, 10);
    expect(day21).toMatchObject({
      date: "2026-01-21",
      outageMinutes: { degraded: 30, partial: 0, major: 30 },
    });
    expect(day21!.uptime).toBeCloseTo(1 - 60 / 1440, 10);
    expect(day22).toMatchObject({ uptime: 1 });
    expect(uploads.startDate).toBe("2026-01-10");
    expect(
      uploads.days
        .filter((d) => d.uptime === null)
        .map((d) => d.date)
        .at(-1),
    ).toBe("2026-01-09");
    // The group's bars are its children's.
    expect(component("storage").days.slice(-3)).toEqual(uploads.days.slice(-3));
    expect(component("storage").startDate).toBe("2026-01-10");
  });

  it("starts a component's bars on its first check and runs an open outage to now", () => {
    const web = component("web");
    expect(web.startDate).toBe("2026-01-20");
    expect(web.days.slice(-4).map((d) => d.uptime)).toEqual([null, 1, 1, 1 - 60 / 720]);
    expect(web.days.at(-1)!.outageMinutes.major).toBe(60);
    expect(web.uptime90d).toBeCloseTo(1 - 60 / (42 * 60), 10);
    const api = component("api");
    expect([api.startDate, api.uptime90d, api.days.every((d) => d.uptime === null)]).toEqual([
      null,
      null,
      true,
    ]);
  });

  it("shows a partial outage while one of a component's two monitors is down", async () => {
    await outage("uploads-eu", "2026-01-21T22:50:00Z", null, "partial");
    try {
      const partial = await buildStatusSnapshot(db, config, now);
      const status = (key: string) => partial.components.find((c) => c.key === key)!.status;
      expect([status("uploads"), status("storage")]).toEqual(["partial_outage", "partial_outage"]);
    } finally {
      await db.$executeRaw`DELETE FROM outage WHERE started_at = '2026-01-21T22:50:00Z'`;
    }
  });

  it("lets a founder's override win over the computed status", async () => {
    await db.component.update({ where: { key: "web" }, data: { statusOverride: "operational" } });
    try {
      const overridden = await buildStatusSnapshot(db, config, now);
      const web = overridden.components.find((c) => c.key === "web")!;
      expect([web.status, web.computedStatus]).toEqual(["operational", "major_outage"]);
      // What is left: the open minor incident, above the maintenance under way.
      expect(overridden.status).toEqual({
        indicator: "minor",
        description: "Minor Service Outage",
      });
    } finally {
      await db.component.update({ where: { key: "web" }, data: { statusOverride: null } });
    }
  });

  it("shows the last 90 days of incidents and every unresolved one, newest first", () => {
    expect(snapshot.incidents.map((i) => [i.name, i.status])).toEqual([
      ["Slow uploads", "resolved"],
      ["Old but still open", "identified"],
    ]);
    const [slow] = snapshot.incidents;
    expect(slow!.updates.map((u) => u.status)).toEqual(["resolved", "investigating"]);
    expect(slow!.componentIds).toEqual([String(ids.get("uploads"))]);
    expect(slow!.shortlink).toBe(`https://status.stashbox.test#incident-${slow!.id}`);
    expect(slow!.updates[0]).toMatchObject({ incidentId: slow!.id, body: "Fixed." });
  });

  it("shows maintenance under way, coming and done this week, soonest first", () => {
    expect(snapshot.maintenances.map((m) => [m.name, m.status])).toEqual([
      ["Last week's upgrade", "completed"],
      ["Shared links migration", "in_progress"],
      ["Next region", "scheduled"],
    ]);
  });

  it("counts the last hour's checks that succeeded", () => {
    expect(snapshot.lastHour).toEqual({ checks: 90, successRate: (57 + 20) / 90 });
  });

  it("gives response times per hour over 24 h, from rollups where there are some", () => {
    const times = snapshot.responseTimes;
    expect(times).toHaveLength(24);
    expect(times[0]!.at).toBe("2026-01-21T00:00:00.000Z");
    expect(times.at(-1)!.at).toBe("2026-01-21T23:00:00.000Z");
    // 20:00: weighted by checks, 30 at 100 ms and 10 at 500 ms.
    expect(times.find((t) => t.at === "2026-01-21T20:00:00.000Z")).toEqual({
      at: "2026-01-21T20:00:00.000Z",
      p50: 200,
      p95: 450,
    });
    // 23:00 is the check at `now` itself; 22:00 holds the rest of the last hour.
    expect(times.find((t) => t.at === "2026-01-21T22:00:00.000Z")!.p50).not.toBeNull();
    expect(times[0]).toEqual({ at: "2026-01-21T00:00:00.000Z", p50: null, p95: null });
  });
});

describe("the snapshot cache against an unreachable database", () => {
  it("serves the last good snapshot, stale, and an unknown status when it never had one", async () => {
    const closed = createDatabase(`postgresql://liftoff@127.0.0.1:${await freePort()}/liftoff`);
    let reachable = true;
    const fallback = () =>
      unknownSnapshot({ id: "p", name: "Stashbox", url: "https://s.test", timeZone: "UTC" }, now);
    try {
      const cache = createSnapshotCache({
        build: () => buildStatusSnapshot(reachable ? db : closed, config, now),
        fallback,
      });
      const good = await cache.get();
      expect(good.stale).toBe(false);
      reachable = false;
      await cache.refresh();
      const served = await cache.get();
      expect(served).toMatchObject({ stale: true, etag: good.etag });
      expect(served.snapshot.status.indicator).toBe("critical");

      const never = createSnapshotCache({
        build: () => buildStatusSnapshot(closed, config, now),
        fallback,
      });
      expect((await never.get()).snapshot.status).toEqual({
        indicator: "minor",
        description: "Status Unknown",
      });
    } finally {
      await closed.$disconnect();
    }
  });
});
