// The Growth page's numbers from a real PostgreSQL: rates, the previous period, the ETA and what
// an outage cost.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { recordMetricSamples } from "@/lib/growth/record-samples";
import { getGrowthSummary } from "@/lib/growth/summary";
import { syncConfig } from "@/lib/setup/sync-config";
import { createTestDatabase, type TestDatabase } from "../support/database";

let database: TestDatabase;
const start = new Date("2026-01-20T00:00:00Z");
const minute = (m: number) => new Date(start.getTime() + m * 60_000);
const config = parseConfig(
  `service: { name: Stashbox, domain: stashbox.test }
sources:
  metrics: [{ kind: http-json, metric: users_total, name: Total users, type: counter, url: "http://127.0.0.1:1/", path: n }]
monitors: [{ key: web, name: Website, type: http, url: "http://127.0.0.1:1/", component: web }]
components: [{ key: web, name: Website }]
milestones: [{ kind: metric, key: users, metric: users_total, thresholds: [100000, 1000000] }]
`,
  "t.yaml",
);
// Day d (0-based) brings 1,000 × (d + 1) signups, spread evenly over its minutes; 9 days.
const perMinute = (m: number) => ((Math.floor(m / 1440) + 1) * 1000) / 1440;
const outageFrom = minute(8 * 1440 + 600);
const outageTo = minute(8 * 1440 + 660);
// A 90-minute slowdown later that day: signups still arrive, at 60 % of the pace.
const slowFrom = minute(8 * 1440 + 900);
const slowTo = minute(8 * 1440 + 990);

beforeAll(async () => {
  database = await createTestDatabase();
  await syncConfig(database.db, config);
  const samples = [];
  let total = 50_000;
  for (let m = 0; m < 9 * 1440; m++) {
    const at = minute(m);
    // Nobody can sign up during the outage (a sample counts the minute that ends at it).
    if (at > slowFrom && at <= slowTo) total += 0.6 * perMinute(m);
    else if (!(at > outageFrom && at <= outageTo)) total += perMinute(m);
    samples.push({ at, value: Math.round(total) });
  }
  for (let i = 0; i < samples.length; i += 2000) {
    await recordMetricSamples(
      database.db,
      { key: "users_total", kind: "counter" },
      samples.slice(i, i + 2000),
      new Date("2027-01-01"),
    );
  }
  await database.db.$executeRaw`
    INSERT INTO outage (monitor_id, component_id, started_at, ended_at, severity)
    SELECT m.id, m.component_id, w.started_at, w.ended_at, w.severity::outage_severity
    FROM monitor m, (VALUES (${outageFrom}::timestamptz, ${outageTo}::timestamptz, 'major'),
                            (${slowFrom}::timestamptz, ${slowTo}::timestamptz, 'degraded')) AS w(started_at, ended_at, severity)
    WHERE m.key = 'web'`;
}, 60_000);
afterAll(() => database?.drop());

const summary = (from: Date, to: Date) =>
  getGrowthSummary(database.db, config, { metric: "users_total", from, to, timeZone: "UTC" });

describe("growth summary", () => {
  it("gives the total, its 24 h change, and day- and week-over-week growth", async () => {
    const s = await summary(minute(8 * 1440), minute(9 * 1440));
    expect(s.name).toBe("Total users");
    expect(s.total?.at).toBe(minute(9 * 1440 - 1).toISOString());
    // The last day brought 9,000 less the hour lost to the outage (375) and 40 % of the
    // slowdown's 90 minutes (225); the one before 8,000.
    expect(s.change24h).toBeCloseTo(9_000 - 375 - 225, -1);
    expect(s.rates.dayOverDay).toBeCloseTo((9_000 - 375 - 225) / 8_000 - 1, 2);
    expect(s.rates.weekOverWeek).toBeNull(); // only 9 days: no fair week before last week
  });

  it("compares the range with the same length of time before it", async () => {
    const s = await summary(minute(7 * 1440), minute(8 * 1440));
    expect(s.period.increase).toBeCloseTo(8_000, -1);
    expect(s.period.previousIncrease).toBeCloseTo(7_000, -1);
    expect(s.period.change).toBeCloseTo(8 / 7 - 1, 2);
  });

  it("projects the next configured milestone from the trailing rate", async () => {
    const s = await summary(minute(8 * 1440), minute(9 * 1440));
    expect(s.eta?.target).toBe(100_000);
    expect(s.eta?.method).toBe("trailing-rate");
    const total = s.total!.value;
    const hoursLeft = (100_000 - total) / s.eta!.ratePerHour;
    expect(new Date(s.eta!.at).getTime()).toBeCloseTo(
      new Date(s.total!.at).getTime() + hoursLeft * 3_600_000,
      -4,
    );
    expect(
      new Date(s.eta!.low) <= new Date(s.eta!.at) && new Date(s.eta!.at) <= new Date(s.eta!.high),
    ).toBe(true);
  });

  it("prices each outage in range by the pace before it, and a slowdown by what still arrived", async () => {
    const s = await summary(minute(8 * 1440), minute(9 * 1440));
    expect(s.outages).toEqual([
      {
        from: outageFrom.toISOString(),
        to: outageTo.toISOString(),
        label: "Website",
        severity: "major",
        kind: "outage",
        expectedSignups: 375,
        arrivedSignups: 0,
        missedSignups: 375,
      },
      {
        from: slowFrom.toISOString(),
        to: slowTo.toISOString(),
        label: "Website",
        severity: "degraded",
        kind: "slowdown",
        expectedSignups: 563,
        arrivedSignups: 338,
        missedSignups: 225,
      },
    ]);
    expect((await summary(minute(0), minute(1440))).outages).toEqual([]);
  });
});
