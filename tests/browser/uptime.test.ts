// The Uptime page as a founder uses it: `npm start`'s launcher against a real PostgreSQL holding
// three days of checks of two monitors (the website down for 90 minutes yesterday, the API down
// right now), their rollups and the outage; then a real browser that signs in, reads the statuses,
// the latency chart with the outage shaded, the failures and the outages table, opens an incident,
// resolves it, overrides a component, schedules maintenance, and finds all of it on /status.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshCheckRollups } from "@/lib/uptime/check-rollups";
import { type RunningApp, signIn as signInAs, startApp } from "../support/app";
import type { TestDatabase } from "../support/database";
import {
  cspViolations,
  openBrowser,
  screenshotDir,
  sidewaysOverflow,
  toDarkPhone,
} from "../support/browser";
import { chartTextBoxes, overlappingTexts } from "../support/chart-text";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const config = `
timezone: UTC
service:
  name: Stashbox
  domain: stashbox.test
monitors:
  - key: website
    name: Website
    type: http
    url: http://127.0.0.1:9/
    component: website
  - key: api
    name: API
    type: tcp
    host: 127.0.0.1
    port: 9
    component: api
components:
  - key: website
    name: Website
    position: 0
  - key: api
    name: API
    position: 1
jobs:
  ingest-metrics: { schedule: "0 0 1 1 *", enabled: false }
  check-monitors: { schedule: "0 0 1 1 *", enabled: false }
  ingest-ranks: { schedule: "0 0 1 1 *", enabled: false }
  prune-checks: { schedule: "0 0 1 1 *", enabled: false }
`;

const now = Date.now();
const outageFrom = Math.floor((now - DAY) / (5 * MINUTE)) * 5 * MINUTE;
const outageTo = outageFrom + 90 * MINUTE;
const incidentName = "Uploads failing for some users";
const maintenanceName = "Storage cluster upgrade";

let running: RunningApp;
let database: TestDatabase;
let browser: BrowserContext;
let base: string;

async function seed(db: TestDatabase["db"]) {
  const monitors = await db.monitor.findMany();
  const id = (key: string) => monitors.find((m) => m.key === key)!.id;
  const checks = [];
  const first = Math.floor((now - 3 * DAY) / (5 * MINUTE)) * 5 * MINUTE;
  for (let at = first, i = 0; at < now; at += 5 * MINUTE, i++) {
    const down = at >= outageFrom && at < outageTo;
    checks.push({
      monitorId: id("website"),
      at: new Date(at),
      status: down ? 2 : 0,
      // Slower in the evening, and now and then a slow tail.
      latencyMs: down
        ? null
        : Math.round(
            140 +
              40 * Math.sin((2 * Math.PI * (at % DAY)) / DAY) +
              (i % 17 === 0 ? 260 : (i * 7) % 23),
          ),
      error: down ? "connect ECONNREFUSED 127.0.0.1:9" : null,
    });
    const apiDown = at > now - 12 * MINUTE;
    checks.push({
      monitorId: id("api"),
      at: new Date(at),
      status: apiDown ? 2 : 0,
      latencyMs: apiDown ? null : 40 + ((i * 3) % 11),
      error: apiDown ? "timed out after 5 s" : null,
    });
  }
  await db.check.createMany({ data: checks });
  for (const key of ["website", "api"]) {
    await refreshCheckRollups(db, id(key), new Date(first), new Date(now));
  }
  const website = await db.component.findUniqueOrThrow({ where: { key: "website" } });
  await db.outage.create({
    data: {
      monitorId: id("website"),
      componentId: website.id,
      startedAt: new Date(outageFrom),
      endedAt: new Date(outageTo),
      severity: "major",
    },
  });
}

beforeAll(async () => {
  running = await startApp("uptime", config);
  ({ database, base } = running);
  // The sites, monitors and components exist once the launcher has synced the configuration.
  await seed(database.db);
  browser = await openBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await running?.stop();
  // Every page ran under the real Content-Security-Policy without a complaint.
  expect(browser ? cspViolations(browser) : []).toEqual([]);
});

const signIn = (target: string): Promise<Page> => signInAs(browser, base, target);

const squash = (text: string | null) => (text ?? "").replace(/\s+/g, " ").trim();

describe("the founders' uptime APIs", () => {
  it("are for founders only", async () => {
    expect((await fetch(`${base}/api/uptime?range=7d`)).status).toBe(401);
    expect((await fetch(`${base}/api/status-admin`)).status).toBe(401);
    const write = await fetch(`${base}/api/status-admin/incidents`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "x", status: "investigating", impact: "none", body: "y" }),
    });
    expect(write.status).toBe(401);
    expect(await database.db.incident.count()).toBe(0);
  });
});

describe("the Uptime page", () => {
  it(
    "shows the monitors and outages, and changes the status page",
    { timeout: 180_000 },
    async () => {
      // Signed in by the test before, or now when this one runs alone.
      let page = await browser.newPage();
      await page.goto(`${base}/uptime?range=7d`);
      if (new URL(page.url()).pathname === "/sign-in") {
        await page.close();
        page = await signIn("/uptime?range=7d");
      }

      // Refusals say what is wrong: a 422 naming the field, a 404 for an unknown record.
      expect((await page.request.get(`${base}/api/uptime?range=1y`)).status()).toBe(422);
      const bad = await page.request.post(`${base}/api/status-admin/incidents`, {
        data: { name: "", status: "investigating", impact: "minor", body: "x" },
      });
      expect(bad.status()).toBe(422);
      expect((await bad.json()).error.message).toBe('name: expected a name, found ""');
      const unknown = await page.request.post(`${base}/api/status-admin/incidents/999999/updates`, {
        data: { status: "resolved", body: "x" },
      });
      expect(unknown.status()).toBe(404);
      const noComponent = await page.request.patch(`${base}/api/status-admin/components/cdn`, {
        data: { statusOverride: null },
      });
      expect(noComponent.status()).toBe(404);

      // Statuses, what each monitor probes and its uptime.
      const website = page.getByTestId("monitor-website");
      const api = page.getByTestId("monitor-api");
      expect(await page.getByTestId("monitor-status-website").getAttribute("data-status")).toBe(
        "up",
      );
      expect(await page.getByTestId("monitor-status-api").getAttribute("data-status")).toBe("down");
      expect(squash(await website.textContent())).toContain("http://127.0.0.1:9/");
      expect(squash(await api.textContent())).toContain("TCP 127.0.0.1:9");
      // 90 minutes down out of 3 days of checks: 18 of 864 failed.
      expect(squash(await website.getByTestId("uptime-7d").textContent())).toMatch(/^97\.9\d?%$/);

      // The latency chart: p50 and p95 lines, the outage shaded.
      const chart = page.getByTestId("latency-chart-website");
      await chart.locator("svg.recharts-surface").waitFor({ timeout: 30_000 });
      expect(await chart.locator("path.recharts-line-curve").count()).toBe(2);
      expect(await chart.locator(".recharts-reference-area").count()).toBe(1);
      expect(
        await page.getByTestId("latency-chart-api").locator(".recharts-reference-area").count(),
      ).toBe(0);

      // Failed checks with their error text.
      expect(squash(await website.getByTestId("failed-check").first().textContent())).toContain(
        "connect ECONNREFUSED 127.0.0.1:9",
      );
      expect(squash(await api.getByTestId("failed-check").first().textContent())).toContain(
        "timed out after 5 s",
      );

      // The outages table.
      const rows = page.getByTestId("outages-table").getByTestId("outage-row");
      expect(await rows.count()).toBe(1);
      expect(squash(await rows.first().textContent())).toMatch(
        /^Website\s?Website.*1 h 30 min\s?Major outage$/,
      );

      // Another range: the URL says so and the latency is drawn per minute.
      await page.getByRole("button", { name: "24 h" }).click();
      await expect.poll(() => page.url()).toContain("range=24h");
      await expect
        .poll(async () => squash(await chart.textContent()))
        .toContain("Latency per minute, ms");
      await page.getByRole("button", { name: "7 d" }).click();
      await expect.poll(() => page.url()).toContain("range=7d");

      // Open an incident: first without a name (the API's message shows), then properly.
      const incidentForm = page.getByTestId("incident-form");
      await incidentForm.getByLabel("First update").fill("Some uploads fail with a 502.");
      await incidentForm.getByRole("button", { name: "Open incident" }).click();
      await expect
        .poll(async () => squash(await incidentForm.getByTestId("write-error").textContent()))
        .toBe('name: expected a name, found ""');
      await incidentForm.getByLabel("Name").fill(incidentName);
      await incidentForm.getByLabel("Status").selectOption({ label: "Investigating" });
      await incidentForm.getByLabel("Impact").selectOption({ label: "Major impact" });
      await incidentForm.getByRole("checkbox", { name: "API", exact: true }).check();
      await incidentForm.getByRole("button", { name: "Open incident" }).click();
      await expect
        .poll(async () => squash(await incidentForm.getByTestId("write-success").textContent()))
        .toBe(`Incident “${incidentName}” is on the status page.`);

      // Resolve it with an update.
      const incident = page.getByTestId("control-incident").filter({ hasText: incidentName });
      await incident.waitFor();
      expect(await incident.getAttribute("data-status")).toBe("investigating");
      await incident.getByLabel("New status").selectOption({ label: "Resolved" });
      await incident
        .getByLabel("Update text")
        .fill("Uploads work again; a storage node was replaced.");
      await incident.getByRole("button", { name: "Post update" }).click();
      await expect.poll(() => incident.getAttribute("data-status")).toBe("resolved");

      // Override the API's status by hand.
      const override = page.getByTestId("override-api");
      await override.getByRole("combobox").selectOption({ label: "Partial outage" });
      await override.getByRole("button", { name: "Save" }).click();
      await expect
        .poll(async () => squash(await override.getByTestId("write-success").textContent()))
        .toBe("API shows “Partial outage”.");

      // Schedule maintenance: focusing the times fills tomorrow, on the hour, for two hours.
      const maintenanceForm = page.getByTestId("maintenance-form");
      await maintenanceForm.getByLabel("Name").fill(maintenanceName);
      await maintenanceForm.getByLabel("From").focus();
      await maintenanceForm.getByLabel("Until").focus();
      expect(await maintenanceForm.getByLabel("From").inputValue()).toMatch(/T\d\d:00$/);
      await maintenanceForm.getByRole("checkbox", { name: "API", exact: true }).check();
      await maintenanceForm.getByLabel("What visitors should know").fill("Uploads may pause.");
      await maintenanceForm.getByRole("button", { name: "Schedule" }).click();
      await expect
        .poll(async () => squash(await maintenanceForm.getByTestId("write-success").textContent()))
        .toBe(`“${maintenanceName}” is scheduled.`);
      const scheduled = page
        .getByTestId("control-maintenance")
        .filter({ hasText: maintenanceName });
      await scheduled.waitFor();

      await chart.hover({ position: { x: 200, y: 100 } });
      mkdirSync(screenshotDir, { recursive: true });
      await page.screenshot({
        path: path.join(screenshotDir, "uptime.png"),
        fullPage: true,
      });

      // The public page, in the same browser, shows every change at once.
      const status = await browser.newPage();
      await status.goto(`${base}/status`);
      expect(await status.getByTestId("component-api").getAttribute("data-status")).toBe(
        "partial_outage",
      );
      const history = squash(await status.getByTestId("incident-history").textContent());
      expect(history).toContain(incidentName);
      expect(history).toContain("Uploads work again; a storage node was replaced.");
      expect(squash(await status.getByTestId("maintenance").textContent())).toContain(
        maintenanceName,
      );

      // Completed maintenance leaves the page's announcements.
      await scheduled.getByRole("button", { name: "Mark completed" }).click();
      await expect.poll(() => scheduled.getAttribute("data-status")).toBe("completed");
      await status.reload();
      expect(await status.getByTestId("maintenance").count()).toBe(0);
      await status.close();

      // The same page on a phone in the dark theme: nothing spills sideways.
      await toDarkPhone(page);
      await expect.poll(() => sidewaysOverflow(page), { timeout: 10_000 }).toBeLessThanOrEqual(1);
      await page.close();
    },
  );

  it(
    "prints no text over another on a latency chart with a week of outages",
    { timeout: 120_000 },
    async () => {
      // The API down again and again over the week, outages on top of each other, a slowdown in one.
      const monitor = await database.db.monitor.findUniqueOrThrow({ where: { key: "api" } });
      const windows = [
        [2.5 * DAY, 60, "major"],
        [2.5 * DAY - 30 * MINUTE, 60, "major"],
        [2.5 * DAY - 20 * MINUTE, 60, "degraded"],
        [2 * DAY, 40, "major"],
        [2 * DAY - 10 * MINUTE, 20, "major"],
        [2 * DAY + 2 * HOUR, 30, "partial"],
        [DAY + 3 * HOUR, 10, "major"],
      ] as const;
      await database.db.outage.createMany({
        data: windows.map(([ago, minutes, severity]) => ({
          monitorId: monitor.id,
          componentId: monitor.componentId,
          startedAt: new Date(now - ago),
          endedAt: new Date(now - ago + minutes * MINUTE),
          severity,
        })),
      });
      // Signed in by the test before, or now when this one runs alone.
      let page = await browser.newPage();
      await page.goto(`${base}/uptime?range=7d`);
      if (new URL(page.url()).pathname === "/sign-in") {
        await page.close();
        page = await signIn("/uptime?range=7d");
      }
      const chart = page.getByTestId("latency-chart-api");
      await chart.locator("svg.recharts-surface").waitFor({ timeout: 30_000 });
      // The two overlapping majors 60 h ago are one window, the two 48 h ago another.
      await expect.poll(() => chart.locator(".recharts-reference-area").count()).toBe(5);
      expect(await chart.locator(".recharts-reference-area text").count()).toBe(0);
      expect(squash(await chart.locator(".chart-legend").textContent())).toContain("outage");
      for (const key of ["website", "api"]) {
        const boxes = await chartTextBoxes(page.getByTestId(`latency-chart-${key}`));
        expect(boxes.length).toBeGreaterThan(3);
        expect(overlappingTexts(boxes)).toEqual([]);
      }
      // The tooltip over a shaded window names it.
      const shaded = chart.locator(".recharts-reference-area").first();
      await shaded.scrollIntoViewIfNeeded();
      const area = (await shaded.boundingBox())!;
      await page.mouse.move(area.x + area.width / 2, area.y + area.height / 2);
      await expect
        .poll(() => chart.locator(".chart-tooltip__window").allTextContents(), { timeout: 10_000 })
        .toContain("Major outage");
      await page.screenshot({ path: path.join(screenshotDir, "uptime-week.png"), fullPage: true });
      // On a phone the charts are small: still no text over another.
      await toDarkPhone(page);
      await expect
        .poll(async () => overlappingTexts(await chartTextBoxes(chart)), { timeout: 10_000 })
        .toEqual([]);
      await page.close();
    },
  );
});
