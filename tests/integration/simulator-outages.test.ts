// The simulator's scripted outage at hour 20 (API and uploads down for 35 minutes), probed the way
// check-monitors probes, detected as outage windows and told as automatic incidents, opened and
// resolved, while the website stays up.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig, type LoadedConfig } from "@/lib/config";
import { syncConfig } from "@/lib/setup/sync-config";
import { syncAutomaticIncidents } from "@/lib/status/auto-incidents";
import { probeMonitor } from "@/lib/uptime/probe-monitor";
import { recordCheck } from "@/lib/uptime/record-check";
import { recordOutages } from "@/lib/uptime/record-outages";
import { atHour } from "@/simulator/model";
import { launchWeek, startFrozenSimulator, type FrozenSimulator } from "../simulator/support";
import { createTestDatabase, type TestDatabase } from "../support/database";

let database: TestDatabase;
let simulator: FrozenSimulator;
let config: LoadedConfig;
const STEP_MINUTES = 2;

beforeAll(async () => {
  simulator = await startFrozenSimulator(19.8);
  database = await createTestDatabase();
  const sim = simulator.url;
  config = parseConfig(
    `service: { name: Stashbox, domain: stashbox.test }
components:
  - { key: web, name: Website }
  - { key: api, name: API }
  - { key: uploads, name: Uploads }
monitors:
  - { key: web, name: Website, type: http, url: "${sim}/health", timeout: 2s, component: web }
  - { key: api, name: API, type: http, url: "${sim}/api/health", timeout: 2s, component: api }
  - { key: uploads, name: Uploads, type: http, url: "${sim}/uploads/health", timeout: 2s, component: uploads }
`,
    "t.yaml",
  );
  await syncConfig(database.db, config);
});
afterAll(async () => {
  await simulator?.close();
  await database?.drop();
});

describe("the hour-20 outage of the launch week", () => {
  it(
    "is detected from checks and told as incidents that open and resolve",
    { timeout: 60_000 },
    async () => {
      for (let minute = 0; minute <= 60; minute += STEP_MINUTES) {
        simulator.setHour(19.8 + minute / 60);
        const at = simulator.simulatedNow();
        for (const monitor of config.monitors) {
          const result = await probeMonitor(monitor, {});
          await recordCheck(database.db, monitor.key, at, result);
          await recordOutages(database.db, monitor.key, monitor, at);
        }
        await syncAutomaticIncidents(database.db, at);
      }

      const outage = launchWeek.outages.find((o) => o.startHour === 20)!;
      const start = atHour(launchWeek, 20);
      const end = new Date(start.getTime() + outage.durationMinutes * 60_000);
      const outages = await database.db.outage.findMany({
        include: { monitor: { select: { key: true } } },
        orderBy: { monitorId: "asc" },
      });
      expect(outages.map((o) => o.monitor.key).sort()).toEqual(["api", "uploads"]);
      for (const o of outages) {
        // Opened at the first failed check of the run, closed at the first success after it.
        expect(o.startedAt.getTime()).toBeGreaterThanOrEqual(start.getTime());
        expect(o.startedAt.getTime()).toBeLessThan(start.getTime() + STEP_MINUTES * 60_000);
        expect(o.endedAt!.getTime()).toBeGreaterThanOrEqual(end.getTime());
        expect(o.endedAt!.getTime()).toBeLessThan(end.getTime() + STEP_MINUTES * 60_000);
        expect(o.severity).toBe("major");
      }

      const incidents = await database.db.incident.findMany({
        include: {
          components: { select: { key: true } },
          updates: { orderBy: { createdAt: "asc" } },
        },
        orderBy: { id: "asc" },
      });
      expect(incidents.flatMap((i) => i.components.map((c) => c.key)).sort()).toEqual([
        "api",
        "uploads",
      ]);
      for (const incident of incidents) {
        expect(incident).toMatchObject({ automatic: true, status: "resolved", impact: "critical" });
        expect(incident.updates.map((u) => u.status)).toEqual(["investigating", "resolved"]);
        expect(incident.resolvedAt!.getTime()).toBeGreaterThanOrEqual(end.getTime());
      }
    },
  );
});
