// The Uptime page's queries against a real PostgreSQL: uptime over 24 h / 7 d / 30 d and latency
// read from check rollups (checked against the seeded checks), the rollup level chosen by range,
// recent failures with their error text, and the outages of the range, newest first.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { syncConfig } from "@/lib/setup/sync-config";
import { refreshCheckRollups } from "@/lib/uptime/check-rollups";
import { checkStatus } from "@/lib/uptime/check-status";
import { readUptimePage } from "@/lib/uptime/queries/read-uptime-page";
import { createTestDatabase, type TestDatabase } from "../support/database";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// A fixed "now" on the hour, so hour buckets and windows line up exactly.
const now = new Date("2026-01-20T12:00:00.000Z");

let database: TestDatabase;
let ids: Record<string, number>;

const config = parseConfig(
  `service: { name: Stashbox, domain: stashbox.test }
components: [{ key: web, name: Website }, { key: api, name: API }]
monitors:
  - { key: website, name: Website, type: http, url: "https://stashbox.test/", component: web }
  - { key: api, name: API, type: tcp, host: api.stashbox.test, port: 443, component: api }
`,
  "t.yaml",
);

type Seed = {
  monitorId: number;
  at: Date;
  status: number;
  latencyMs: number | null;
  error: string | null;
};

/**
 * The website, checked every 10 min for 10 days: latency 100 ms (p50 of each hour) with one slow
 * 400 ms check an hour; down for two hours 3 days ago (12 failed checks, no latency); down once
 * 2 h ago. The API: checked for the last day only, always up at 50 ms.
 */
function seedChecks(): Seed[] {
  const rows: Seed[] = [];
  for (let at = now.getTime() - 10 * DAY; at < now.getTime(); at += 10 * MINUTE) {
    const date = new Date(at);
    const outage = at >= now.getTime() - 3 * DAY && at < now.getTime() - 3 * DAY + 2 * HOUR;
    const blip = at === now.getTime() - 2 * HOUR;
    if (outage || blip) {
      rows.push({
        monitorId: ids.website!,
        at: date,
        status: checkStatus.down,
        latencyMs: null,
        error: blip ? "HTTP 502 from the load balancer" : "connect ECONNREFUSED 203.0.113.7:443",
      });
    } else {
      const slow = date.getUTCMinutes() === 50;
      rows.push({
        monitorId: ids.website!,
        at: date,
        status: 0,
        latencyMs: slow ? 400 : 100,
        error: null,
      });
    }
    if (at >= now.getTime() - DAY) {
      rows.push({ monitorId: ids.api!, at: date, status: 0, latencyMs: 50, error: null });
    }
  }
  return rows;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await syncConfig(database.db, config);
  const monitors = await database.db.monitor.findMany();
  ids = Object.fromEntries(monitors.map((m) => [m.key, m.id]));
  const checks = seedChecks();
  await database.db.check.createMany({ data: checks });
  for (const id of Object.values(ids)) {
    await refreshCheckRollups(database.db, id, new Date(now.getTime() - 11 * DAY), now);
  }
  const component = await database.db.component.findUniqueOrThrow({ where: { key: "web" } });
  await database.db.outage.createMany({
    data: [
      {
        monitorId: ids.website!,
        componentId: component.id,
        startedAt: new Date(now.getTime() - 3 * DAY),
        endedAt: new Date(now.getTime() - 3 * DAY + 2 * HOUR),
        severity: "major",
      },
      {
        monitorId: ids.website!,
        componentId: component.id,
        startedAt: new Date(now.getTime() - 20 * DAY),
        endedAt: new Date(now.getTime() - 20 * DAY + HOUR),
        severity: "partial",
      },
      {
        monitorId: ids.api!,
        componentId: null,
        startedAt: new Date(now.getTime() - 30 * MINUTE),
        severity: "degraded",
      },
    ],
  });
});
afterAll(() => database?.drop());

const read = (range: string) =>
  readUptimePage(database.db, config, new URLSearchParams(range ? { range } : {}), now);

describe("readUptimePage", () => {
  it("reads every monitor's status, target and uptime from hour rollups", async () => {
    const page = await read("7d");
    expect(page.range).toBe("7d");
    expect(page.unit).toBe("hour");
    expect(page.from).toBe(new Date(now.getTime() - 7 * DAY).toISOString());
    const website = page.monitors.find((m) => m.key === "website")!;
    expect(website).toMatchObject({
      name: "Website",
      type: "http",
      target: "https://stashbox.test/",
      component: { key: "web", name: "Website" },
      status: "up",
      lastCheckAt: new Date(now.getTime() - 10 * MINUTE).toISOString(),
    });
    // 144 checks a day: the last 24 h hold the 502 blip, 7 and 30 d the two-hour outage too.
    expect(website.uptime["24h"]).toBeCloseTo(143 / 144, 10);
    expect(website.uptime["7d"]).toBeCloseTo((7 * 144 - 13) / (7 * 144), 10);
    expect(website.uptime["30d"]).toBeCloseTo((10 * 144 - 13) / (10 * 144), 10);
    const api = page.monitors.find((m) => m.key === "api")!;
    expect(api).toMatchObject({ type: "tcp", target: "api.stashbox.test:443", status: "up" });
    expect(api.uptime).toEqual({ "24h": 1, "7d": 1, "30d": 1 });
  });

  it("charts latency per hour beyond a day, per minute within one", async () => {
    const week = await read("7d");
    const website = week.monitors.find((m) => m.key === "website")!;
    expect(website.latency).toHaveLength(7 * 24);
    expect(website.latency[0]).toEqual({
      at: new Date(now.getTime() - 7 * DAY).toISOString(),
      p50: 100,
      // percentile_cont over five 100s and one 400: 100 + 0.75 × 300.
      p95: 325,
    });
    // The outage's hours have no latency at all: a gap, not a zero.
    const outageHour = website.latency.find(
      (p) => p.at === new Date(now.getTime() - 3 * DAY).toISOString(),
    );
    expect(outageHour).toEqual({ at: outageHour!.at, p50: null, p95: null });

    const day = await read("24h");
    expect(day.unit).toBe("minute");
    const api = day.monitors.find((m) => m.key === "api")!;
    expect(api.latency).toHaveLength(144);
    expect(api.latency.every((p) => p.p50 === 50 && p.p95 === 50)).toBe(true);
  });

  it("lists recent failures newest first with their error, located through the rollups", async () => {
    const week = await read("7d");
    const failures = week.monitors.find((m) => m.key === "website")!.recentFailures;
    expect(failures).toHaveLength(5);
    expect(failures[0]).toEqual({
      at: new Date(now.getTime() - 2 * HOUR).toISOString(),
      httpStatus: null,
      latencyMs: null,
      error: "HTTP 502 from the load balancer",
    });
    expect(failures[1]!.error).toBe("connect ECONNREFUSED 203.0.113.7:443");
    expect(failures[1]!.at).toBe(
      new Date(now.getTime() - 3 * DAY + 2 * HOUR - 10 * MINUTE).toISOString(),
    );
    expect(week.monitors.find((m) => m.key === "api")!.recentFailures).toEqual([]);
    // Within the last day only the blip failed.
    const day = await read("24h");
    expect(day.monitors.find((m) => m.key === "website")!.recentFailures).toHaveLength(1);
  });

  it("lists the range's outages newest first, an ongoing one without an end", async () => {
    const week = await read("7d");
    expect(
      week.outages.map((o) => [o.monitor, o.component, o.severity, o.endedAt === null]),
    ).toEqual([
      ["API", null, "degraded", true],
      ["Website", "Website", "major", false],
    ]);
    const month = await read("30d");
    expect(month.outages.map((o) => o.severity)).toEqual(["degraded", "major", "partial"]);
  });

  it("defaults to 7 d and refuses a range it does not know, naming the parameter", async () => {
    expect((await read("")).range).toBe("7d");
    await expect(read("1y")).rejects.toThrow(
      /^range: expected one of "24h", "7d", "30d", "90d", found "1y"$/,
    );
  });
});
