// GET /api/v2/*.json end to end without Next: the real route handlers called with real Request
// objects, reading this process's snapshot cache built from a real PostgreSQL. Every endpoint is
// checked against Statuspage's field lists; then ETag/304, CORS, reading from memory, and what
// the API says once the database is gone (the last snapshot, marked stale, with a 200).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { syncConfig } from "@/lib/setup/sync-config";
import { checkV2Shape } from "@/tests/fixtures/status/v2-fields";
import { createTestDatabase, type TestDatabase } from "../support/database";

const configText = `service: { name: Stashbox, domain: stashbox.test }
statusPage: { name: Stashbox Status }
components:
  - { key: storage, name: Storage, position: 1 }
  - { key: uploads, name: Uploads and downloads, group: storage }
  - { key: web, name: Website, position: 2 }
monitors:
  - { key: uploads, name: Uploads, type: http, url: "http://127.0.0.1:1/u", component: uploads }
  - { key: web, name: Website, type: http, url: "http://127.0.0.1:1/", component: web }`;

type Handler = (request: Request) => Promise<Response>;
type Route = { GET: Handler; OPTIONS: Handler };
// Imported once the environment points at the test database.
const modules = {
  "summary.json": () => import("@/app/api/v2/summary.json/route"),
  "status.json": () => import("@/app/api/v2/status.json/route"),
  "components.json": () => import("@/app/api/v2/components.json/route"),
  "incidents.json": () => import("@/app/api/v2/incidents.json/route"),
  "incidents/unresolved.json": () => import("@/app/api/v2/incidents/unresolved.json/route"),
  "scheduled-maintenances.json": () => import("@/app/api/v2/scheduled-maintenances.json/route"),
  "scheduled-maintenances/upcoming.json": () =>
    import("@/app/api/v2/scheduled-maintenances/upcoming.json/route"),
  "scheduled-maintenances/active.json": () =>
    import("@/app/api/v2/scheduled-maintenances/active.json/route"),
};
type Endpoint = keyof typeof modules;
const endpoints = Object.keys(modules) as Endpoint[];

const folder = mkdtempSync(path.join(os.tmpdir(), "liftoff-status-api-"));
const saved = { ...process.env };
const routes = new Map<Endpoint, Route>();
let database: TestDatabase;
const hour = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms);

async function get(endpoint: Endpoint, headers: Record<string, string> = {}) {
  const url = `http://liftoff.test/api/v2/${endpoint}`;
  const response = await routes.get(endpoint)!.GET(new Request(url, { headers }));
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : null,
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const configFile = path.join(folder, "liftoff.config.yaml");
  writeFileSync(configFile, configText);
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    LIFTOFF_CONFIG: configFile,
    LIFTOFF_DATA_DIR: path.join(folder, "data"),
    LIFTOFF_BASE_URL: "https://liftoff.stashbox.test/",
    LOG_LEVEL: "silent",
  });
  await syncConfig(db, parseConfig(configText, configFile));

  await db.$executeRaw`
    INSERT INTO "check" (monitor_id, at, status, latency_ms)
    SELECT id, now() - interval '3 days', 0, 120 FROM monitor`;
  await db.$executeRaw`
    INSERT INTO outage (monitor_id, component_id, started_at, ended_at, severity)
    SELECT id, component_id, now() - interval '20 minutes', NULL, 'major' FROM monitor WHERE key = 'uploads'`;
  await db.incident.create({
    data: {
      name: "Uploads and downloads: major outage",
      status: "investigating",
      impact: "critical",
      automatic: true,
      startedAt: ago(hour / 3),
      components: { connect: [{ key: "uploads" }] },
      updates: { create: { status: "investigating", body: "Uploads are failing." } },
    },
  });
  await db.incident.create({
    data: {
      name: "Slow sign-ups",
      status: "resolved",
      impact: "minor",
      startedAt: ago(30 * hour),
      monitoringAt: ago(29.5 * hour),
      resolvedAt: ago(29 * hour),
      components: { connect: [{ key: "web" }] },
      updates: {
        create: [
          { status: "investigating", body: "Sign-ups are slow.", createdAt: ago(30 * hour) },
          { status: "monitoring", body: "A fix is out.", createdAt: ago(29.5 * hour) },
          { status: "resolved", body: "Resolved.", createdAt: ago(29 * hour) },
        ],
      },
    },
  });
  const window = (name: string, from: number, until: number, key: string) =>
    db.maintenance.create({
      data: {
        name,
        body: `${name}: uploads may pause.`,
        scheduledFor: ago(from),
        scheduledUntil: ago(until),
        components: { connect: [{ key }] },
      },
    });
  await window("Database failover drill", hour, -hour, "web");
  await window("Moving to a new region", -48 * hour, -50 * hour, "storage");
  await window("Storage upgrade", 50 * hour, 48 * hour, "uploads");

  for (const endpoint of endpoints) routes.set(endpoint, await modules[endpoint]());
});

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db()
    .$disconnect()
    .catch(() => undefined);
  await database?.drop();
  process.env = saved;
  rmSync(folder, { recursive: true, force: true });
});

describe("the Statuspage-compatible API", () => {
  it.each(endpoints)("answers %s with exactly Statuspage's fields", async (endpoint) => {
    const { status, headers, body } = await get(endpoint);
    expect(status).toBe(200);
    expect(headers.get("content-type")).toMatch(/^application\/json/);
    const checked = checkV2Shape(body!, (a, b) => expect(a).toEqual(b));
    expect(checked).toBeGreaterThan(0);
    expect(body!.page).toMatchObject({
      name: "Stashbox Status",
      url: "https://liftoff.stashbox.test/status",
      time_zone: "UTC",
    });
  });

  it("sums up the page: status, components, unresolved incidents, current maintenance", async () => {
    const { body } = await get("summary.json");
    const summary = body as unknown as {
      status: unknown;
      components: { name: string; status: string; group: boolean; components?: string[] }[];
      incidents: { name: string; incident_updates: { body: string }[] }[];
      scheduled_maintenances: { name: string; status: string; impact: string }[];
    };
    expect(summary.status).toEqual({ indicator: "critical", description: "Major System Outage" });
    expect(summary.components.map((c) => [c.name, c.status, c.group])).toEqual([
      ["Uploads and downloads", "major_outage", false],
      ["Storage", "major_outage", true],
      ["Website", "under_maintenance", false],
    ]);
    expect(summary.incidents.map((i) => i.name)).toEqual(["Uploads and downloads: major outage"]);
    expect(summary.incidents[0]!.incident_updates[0]!.body).toBe("Uploads are failing.");
    expect(summary.scheduled_maintenances.map((m) => [m.name, m.status, m.impact])).toEqual([
      ["Database failover drill", "in_progress", "maintenance"],
      ["Moving to a new region", "scheduled", "maintenance"],
    ]);
  });

  it("lists incidents, unresolved incidents and each kind of maintenance", async () => {
    const names = async (endpoint: Endpoint, key: "incidents" | "scheduled_maintenances") =>
      ((await get(endpoint)).body![key] as { name: string }[]).map((x) => x.name);
    expect(await names("incidents.json", "incidents")).toEqual([
      "Uploads and downloads: major outage",
      "Slow sign-ups",
    ]);
    expect(await names("incidents/unresolved.json", "incidents")).toEqual([
      "Uploads and downloads: major outage",
    ]);
    expect(await names("scheduled-maintenances.json", "scheduled_maintenances")).toEqual([
      "Moving to a new region",
      "Database failover drill",
      "Storage upgrade",
    ]);
    expect(await names("scheduled-maintenances/upcoming.json", "scheduled_maintenances")).toEqual([
      "Moving to a new region",
    ]);
    expect(await names("scheduled-maintenances/active.json", "scheduled_maintenances")).toEqual([
      "Database failover drill",
    ]);
    const resolved = (
      (await get("incidents.json")).body!.incidents as Record<string, unknown>[]
    )[1]!;
    expect(resolved).toMatchObject({ status: "resolved", impact: "minor" });
    expect(typeof resolved.monitoring_at).toBe("string");
    expect(new Date(resolved.resolved_at as string).toISOString()).toBe(resolved.resolved_at);
  });

  it("is cacheable, tagged and answers 304 to a client that has this version", async () => {
    const first = await get("status.json");
    expect(first.headers.get("cache-control")).toBe(
      "public, max-age=0, s-maxage=10, stale-if-error=86400",
    );
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^".+"$/);
    expect(Number(first.headers.get("x-liftoff-snapshot-age"))).toBeGreaterThanOrEqual(0);
    expect(first.headers.get("x-liftoff-snapshot-stale")).toBe("false");
    const again = await get("status.json", { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.body).toBeNull();
    expect(again.headers.get("etag")).toBe(etag);
    expect((await get("status.json", { "if-none-match": '"other"' })).status).toBe(200);
  });

  it("is open to every origin, and answers the CORS preflight", async () => {
    expect((await get("components.json")).headers.get("access-control-allow-origin")).toBe("*");
    const preflight = await routes.get("summary.json")!.OPTIONS(
      new Request("http://liftoff.test/api/v2/summary.json", {
        method: "OPTIONS",
        headers: { origin: "https://widgets.example", "access-control-request-method": "GET" },
      }),
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-methods")).toContain("GET");
  });

  it("follows a write to the database at once, told by PostgreSQL, and keeps it on disk", async () => {
    const before = (await get("incidents.json")).body!.incidents as unknown[];
    await database.db.incident.create({
      data: { name: "Brand new", status: "investigating", impact: "minor", startedAt: new Date() },
    });
    // No refresh asked for: the write's notification rebuilds the snapshot.
    await expect
      .poll(async () => ((await get("incidents.json")).body!.incidents as unknown[]).length)
      .toBe(before.length + 1);
    // The last good snapshot is on disk too, for a restart during a database outage, with what
    // it was made from.
    const stored = JSON.parse(
      readFileSync(path.join(folder, "data", "status-snapshot.json"), "utf8"),
    ) as { identity: string; snapshot: { incidents: unknown[] } };
    expect(stored.snapshot.incidents).toHaveLength(before.length + 1);
    expect(stored.identity).toContain(`${new URL(database.url).host}/${database.name}`);
  });

  it("keeps answering 200 with the last snapshot, marked stale, once the database is gone", async () => {
    const good = await get("summary.json");
    await database.drop();
    const { statusSnapshotCache } = await import("@/lib/status/snapshot-cache");
    await statusSnapshotCache().refresh();
    for (const endpoint of endpoints) {
      const answer = await get(endpoint);
      expect(answer.status).toBe(200);
      expect(answer.headers.get("x-liftoff-snapshot-stale")).toBe("true");
    }
    const stale = await get("summary.json");
    expect(stale.body).toEqual(good.body);
    expect(stale.headers.get("etag")).toBe(good.headers.get("etag"));
  });
});

describe("the feeds and badges, with the database gone", () => {
  const documents = {
    atom: () => import("@/app/feed/incidents.atom/route"),
    rss: () => import("@/app/feed/incidents.rss/route"),
    badge: () => import("@/app/badge.svg/route"),
  };

  it("serve the incident history as Atom and RSS from the last snapshot", async () => {
    const atom = await (
      await documents.atom()
    ).GET(new Request("http://liftoff.test/feed/incidents.atom"));
    expect(atom.status).toBe(200);
    expect(atom.headers.get("content-type")).toMatch(/^application\/atom\+xml/);
    expect(atom.headers.get("x-liftoff-snapshot-stale")).toBe("true");
    const xml = await atom.text();
    expect(xml).toContain("<![CDATA[Uploads and downloads: major outage (Investigating)]]>");
    expect(xml).toContain("<![CDATA[Slow sign-ups (Resolved)]]>");
    const rss = await (
      await documents.rss()
    ).GET(new Request("http://liftoff.test/feed/incidents.rss"));
    expect(rss.headers.get("content-type")).toMatch(/^application\/rss\+xml/);
    expect(await rss.text()).toContain("<title><![CDATA[Slow sign-ups (Resolved)]]></title>");
    const again = await (
      await documents.atom()
    ).GET(
      new Request("http://liftoff.test/feed/incidents.atom", {
        headers: { "if-none-match": atom.headers.get("etag")! },
      }),
    );
    expect(again.status).toBe(304);
  });

  it("draw the page's badge and a component's, and 404 an unknown component", async () => {
    const page = await (await documents.badge()).GET(new Request("http://liftoff.test/badge.svg"));
    expect(page.headers.get("content-type")).toBe("image/svg+xml");
    const svg = await page.text();
    expect(svg).toContain("Stashbox Status");
    expect(svg).toMatch(/Major System Outage|Partial System Outage/);
    const { GET } = await import("@/app/badge/[component]/route");
    const uploads = await GET(new Request("http://liftoff.test/badge/uploads.svg"), {
      params: Promise.resolve({ component: "uploads.svg" }),
    });
    expect(await uploads.text()).toContain("Uploads and downloads");
    const unknown = await GET(new Request("http://liftoff.test/badge/nope.svg"), {
      params: Promise.resolve({ component: "nope.svg" }),
    });
    expect(unknown.status).toBe(404);
  });
});
