// Outage windows recorded from real checks in PostgreSQL, as check-monitors records them.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { recordCheck } from "@/lib/uptime/record-check";
import { recordOutages } from "@/lib/uptime/record-outages";
import { syncConfig } from "@/lib/setup/sync-config";
import { createTestDatabase, type TestDatabase } from "../support/database";

let database: TestDatabase;
const rules = { failuresToOpen: 3, successesToClose: 2 };
const now = new Date("2026-01-20T06:00:00Z");
const t = (minute: number) => new Date(now.getTime() - (60 - minute) * 60_000);

beforeAll(async () => {
  database = await createTestDatabase();
  const config = parseConfig(
    `service: { name: S, domain: s.test }
components: [{ key: web, name: Website }]
monitors: [{ key: web, name: Website, type: http, url: "http://127.0.0.1:1/", component: web }]`,
    "t.yaml",
  );
  await syncConfig(database.db, config);
});
afterAll(() => database?.drop());
beforeEach(async () => {
  await database.db.$executeRawUnsafe(`TRUNCATE "check", outage CASCADE`);
});

async function check(minute: number, status: "up" | "degraded" | "down") {
  await recordCheck(database.db, "web", t(minute), {
    status,
    latencyMs: 10,
    httpStatus: status === "down" ? 503 : 200,
    error: null,
  });
  await recordOutages(database.db, "web", rules, now);
}

const outages = () =>
  database.db.outage.findMany({
    orderBy: { startedAt: "asc" },
    select: { startedAt: true, endedAt: true, severity: true, componentId: true },
  });

describe("recording outages as checks arrive", () => {
  it("opens at the first failure of a confirmed run, stays open, then closes at the first success", async () => {
    for (const [minute, status] of [
      [0, "up"],
      [1, "down"],
      [2, "down"],
    ] as const)
      await check(minute, status);
    expect(await outages()).toEqual([]);
    await check(3, "down");
    expect(await outages()).toMatchObject([{ startedAt: t(1), endedAt: null, severity: "major" }]);
    await check(4, "up");
    await check(5, "down");
    await check(6, "up");
    expect((await outages())[0]?.endedAt).toBeNull();
    await check(7, "up");
    const [outage] = await outages();
    expect(outage).toMatchObject({ startedAt: t(1), endedAt: t(6), severity: "major" });
    expect(outage?.componentId).not.toBeNull();
    // Recording again changes nothing.
    await recordOutages(database.db, "web", rules, now);
    expect(await outages()).toHaveLength(1);
  });

  it("records a run of slow checks as a degraded outage, and a second outage after the first", async () => {
    const statuses = [
      "degraded",
      "degraded",
      "degraded",
      "up",
      "up",
      "down",
      "down",
      "down",
    ] as const;
    for (const [i, status] of statuses.entries()) await check(i, status);
    expect(await outages()).toMatchObject([
      { startedAt: t(0), endedAt: t(3), severity: "degraded" },
      { startedAt: t(5), endedAt: null, severity: "major" },
    ]);
  });
});
