// The public status page as anyone sees it: `npm start`'s launcher against a real PostgreSQL with
// components from the configuration (a website, an API group of two, a CDN shown only when it is
// degraded), an hour of checks, an outage three days ago, a resolved and an open incident and a
// scheduled maintenance; then a browser that never signs in reads the page with JavaScript, without
// it, and on a phone.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDayDate } from "@/components/status/day-bars";
import { type RunningApp, startApp } from "../support/app";
import type { TestDatabase } from "../support/database";
import {
  chromiumOptions,
  cspViolations,
  screenshotDir,
  sidewaysOverflow,
  watchCsp,
} from "../support/browser";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const config = `
timezone: UTC
service:
  name: Stashbox
  domain: stashbox.test
statusPage:
  incidentsPerPage: 1
monitors:
  - key: website
    name: Website
    type: http
    url: http://127.0.0.1:9/
    component: website
  - key: uploads
    name: Uploads
    type: http
    url: http://127.0.0.1:9/upload
    component: uploads
components:
  - key: website
    name: Website
    description: stashbox.test and its sign-up page
    position: 0
  - key: api
    name: API
    position: 1
  - key: uploads
    name: Uploads
    group: api
    position: 0
  - key: sign-in
    name: Sign-in
    group: api
    position: 1
    showcase: false
  - key: cdn
    name: CDN
    position: 2
    onlyShowIfDegraded: true
jobs:
  ingest-metrics: { schedule: "0 0 1 1 *", enabled: false }
  check-monitors: { schedule: "0 0 1 1 *", enabled: false }
  ingest-ranks: { schedule: "0 0 1 1 *", enabled: false }
  prune-checks: { schedule: "0 0 1 1 *", enabled: false }
`;

const now = Date.now();
// The outage: two hours of the website down, three days ago (10:00–12:00 UTC).
const outageDay = new Date(now - 3 * DAY).toISOString().slice(0, 10);
const outageFrom = new Date(`${outageDay}T10:00:00Z`);
const outageTo = new Date(`${outageDay}T12:00:00Z`);
const openIncident = "Uploads slow for some users";
const pastIncident = "Website unreachable";
const olderIncident = "Sign-in emails delayed";

let running: RunningApp;
let database: TestDatabase;
let browser: Browser;
let base: string;

async function seed(db: TestDatabase["db"]) {
  const monitors = await db.monitor.findMany();
  const monitorId = (key: string) => monitors.find((m) => m.key === key)!.id;

  // Watched for three weeks (one check each at the start), then the last 24 h: a check every
  // 10 min, and in the last 40 min 125 checks per monitor, one of them failed: 248 of 250 good.
  const checks: { monitorId: number; at: Date; status: number; latencyMs: number | null }[] = [];
  for (const key of ["website", "uploads"]) {
    const id = monitorId(key);
    checks.push({ monitorId: id, at: new Date(now - 21 * DAY), status: 0, latencyMs: 120 });
    // Slower in the evening, and every hour a slow tail.
    for (let at = now - DAY, i = 0; at < now - HOUR; at += 10 * MINUTE, i++) {
      const hour = new Date(at).getUTCHours();
      const latencyMs =
        Math.round(150 + 50 * Math.sin(((hour - 14) / 24) * 2 * Math.PI)) +
        (i % 6 === 5 ? 240 : (i % 6) * 12);
      checks.push({ monitorId: id, at: new Date(at), status: 0, latencyMs });
    }
    for (let i = 0; i < 125; i++) {
      const at = new Date(now - 40 * MINUTE + i * 19_000);
      checks.push({
        monitorId: id,
        at,
        status: i === 60 ? 2 : 0,
        latencyMs: 160 + (i % 9) * 14 + (i % 20 === 0 ? 300 : 0),
      });
    }
  }
  await db.check.createMany({ data: checks });

  const website = await db.component.findUniqueOrThrow({ where: { key: "website" } });
  const uploads = await db.component.findUniqueOrThrow({ where: { key: "uploads" } });
  const signIn = await db.component.findUniqueOrThrow({ where: { key: "sign-in" } });
  await db.outage.create({
    data: {
      monitorId: monitorId("website"),
      componentId: website.id,
      startedAt: outageFrom,
      endedAt: outageTo,
      severity: "major",
    },
  });
  // Uploads are slow right now: an open, degraded outage.
  await db.outage.create({
    data: {
      monitorId: monitorId("uploads"),
      componentId: uploads.id,
      startedAt: new Date(now - 25 * MINUTE),
      severity: "degraded",
    },
  });

  await db.incident.create({
    data: {
      name: olderIncident,
      status: "resolved",
      impact: "minor",
      startedAt: new Date(now - 9 * DAY),
      resolvedAt: new Date(now - 9 * DAY + 45 * MINUTE),
      components: { connect: [{ id: signIn.id }] },
      updates: {
        create: [
          {
            status: "resolved",
            body: "Sign-in emails are on time again.",
            createdAt: new Date(now - 9 * DAY + 45 * MINUTE),
          },
        ],
      },
    },
  });
  await db.incident.create({
    data: {
      name: pastIncident,
      status: "resolved",
      impact: "major",
      startedAt: outageFrom,
      resolvedAt: outageTo,
      components: { connect: [{ id: website.id }] },
      updates: {
        create: [
          {
            status: "investigating",
            body: "The website does not answer; we are looking into it.",
            createdAt: new Date(outageFrom.getTime() + 5 * MINUTE),
          },
          {
            status: "resolved",
            body: "A full disk on the web servers; space freed and alerts added.",
            createdAt: outageTo,
          },
        ],
      },
    },
  });
  await db.incident.create({
    data: {
      name: openIncident,
      status: "identified",
      impact: "minor",
      startedAt: new Date(now - 25 * MINUTE),
      components: { connect: [{ id: uploads.id }] },
      updates: {
        create: [
          {
            status: "investigating",
            body: "Some uploads take over a minute to finish.",
            createdAt: new Date(now - 20 * MINUTE),
          },
          {
            status: "identified",
            body: "A storage node is overloaded; traffic is being moved off it.",
            createdAt: new Date(now - 10 * MINUTE),
          },
        ],
      },
    },
  });
  const tomorrow = new Date(now + DAY).toISOString().slice(0, 10);
  await db.maintenance.create({
    data: {
      name: "Database upgrade",
      body: "Uploads may pause for up to ten minutes.",
      status: "scheduled",
      scheduledFor: new Date(`${tomorrow}T02:00:00Z`),
      scheduledUntil: new Date(`${tomorrow}T04:00:00Z`),
      components: { connect: [{ id: uploads.id }] },
    },
  });
}

beforeAll(async () => {
  running = await startApp("status", config);
  ({ database, base } = running);
  // The components and monitors exist once the launcher has synced the configuration.
  await seed(database.db);
  browser = watchCsp(await chromium.launch(chromiumOptions));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await running?.stop();
  // Every page ran under the real Content-Security-Policy without a complaint.
  expect(browser ? cspViolations(browser) : []).toEqual([]);
});

const squash = (text: string | null) => (text ?? "").replace(/\s+/g, " ").trim();

/** Opens /status, reloading until the snapshot (rebuilt every few seconds) holds the seed. */
async function openStatus(page: Page, target = "/status") {
  await expect
    .poll(
      async () => {
        await page.goto(`${base}${target}`);
        return squash(await page.locator("body").textContent());
      },
      { timeout: 60_000, interval: 2_000 },
    )
    .toContain(openIncident);
}

/** What every visitor must be able to read, with or without JavaScript. */
async function expectEssentials(page: Page) {
  const banner = page.getByTestId("status-banner");
  expect(await banner.getAttribute("data-indicator")).toBe("minor");
  expect(squash(await banner.innerText())).toBe("Minor Service Outage");

  const component = (key: string) => page.getByTestId(`component-${key}`);
  expect(await component("website").getAttribute("data-status")).toBe("operational");
  expect(squash(await component("website").innerText())).toContain("Website");
  expect(squash(await component("website").innerText())).toContain("Operational");
  expect(await component("uploads").getAttribute("data-status")).toBe("degraded_performance");
  expect(squash(await component("uploads").innerText())).toContain("Degraded performance");
  expect(squash(await component("sign-in").innerText())).toContain("Operational");
  expect(await page.getByTestId("group-api").getAttribute("data-status")).toBe(
    "degraded_performance",
  );
  // The CDN is shown only when it is not operational.
  expect(await component("cdn").count()).toBe(0);

  // 90 days for each showcased component; none for Sign-in.
  expect(await component("website").locator(".uptime-bar__day").count()).toBe(90);
  expect(await component("uploads").locator(".uptime-bar__day").count()).toBe(90);
  expect(await component("sign-in").locator(".uptime-bar__day").count()).toBe(0);
  const outage = component("website").locator(`[data-date="${outageDay}"]`);
  expect(await outage.getAttribute("data-severity")).toBe("major");
  expect(await component("website").locator('[data-severity="major"]').count()).toBe(1);
  const described = squash(await outage.textContent());
  expect(described).toMatch(
    new RegExp(`^${formatDayDate(outageDay)}: \\d+(\\.\\d+)?% uptime that day, 2 h major outage`),
  );
  expect(described).toContain(`Incident: ${pastIncident}`);
  // Days before the first check are grey, today is watched.
  expect(await component("website").locator('[data-severity="nodata"]').count()).toBe(90 - 22);
  expect(
    await component("website").locator(".uptime-bar__day").last().getAttribute("data-severity"),
  ).toBe("none");

  // Each percentage names its window, so 100% over 90 days never reads against the last hour's.
  expect(squash(await component("website").getByTestId("uptime-caption").innerText())).toMatch(
    /^\d+(\.\d+)?% uptime over the last 90 days$/,
  );
  expect(squash(await page.getByTestId("last-hour").innerText())).toBe(
    "99.2% of requests succeeded in the last hour across 250 checks",
  );

  // The open incident on top with both updates, newest first; maintenance above it.
  const active = page.getByTestId("active-incidents").getByTestId("incident");
  expect(await active.count()).toBe(1);
  expect(squash(await active.innerText())).toContain(openIncident);
  const updates = (await active.getByTestId("incident-update").allInnerTexts()).map(squash);
  expect(updates).toHaveLength(2);
  expect(updates[0]).toMatch(/^Identified A storage node is overloaded.* UTC$/);
  expect(updates[1]).toMatch(/^Investigating Some uploads take over a minute to finish\..* UTC$/);
  const maintenance = page.getByTestId("maintenance");
  expect(squash(await maintenance.innerText())).toMatch(
    /Database upgrade\s*Scheduled .*02:00 – 04:00 UTC Affected: Uploads/,
  );
  const order = await page.evaluate(() => {
    const at = (selector: string) => document.querySelector(selector)?.getBoundingClientRect().top;
    return [
      at('[data-testid="maintenance"]'),
      at('[data-testid="active-incidents"]'),
      at('[data-testid="status-components"]'),
    ];
  });
  expect(order[0]!).toBeLessThan(order[1]!);
  expect(order[1]!).toBeLessThan(order[2]!);

  // The history, one per page: the newest resolved incident, its duration and updates.
  const history = page.getByTestId("incident-history").getByTestId("incident");
  expect(await history.count()).toBe(1);
  const past = squash(await history.innerText());
  expect(past).toContain(pastIncident);
  expect(past).toContain("Resolved after 2 h");
  expect(past).toContain("A full disk on the web servers");
  expect(await history.getByTestId("incident-update").count()).toBe(2);
}

describe("the public status page", () => {
  it("needs no sign-in", async () => {
    const response = await fetch(`${base}/status`, { redirect: "manual" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
  });

  it(
    "shows the status, the components, their 90 days, the last hour and the incidents",
    { timeout: 120_000 },
    async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      page.on("pageerror", (error) => errors.push(error.message));
      await openStatus(page);
      expect(await page.title()).toBe("Stashbox Status");
      await expectEssentials(page);

      // Hydrated: the response-time chart is drawn and the outage day has a rich tooltip.
      const chart = page.getByTestId("response-chart");
      await chart.locator("svg.recharts-surface").waitFor({ timeout: 30_000 });
      expect(await chart.locator("path.recharts-line-curve").count()).toBe(2);
      const outage = page.getByTestId("component-website").locator(`[data-date="${outageDay}"]`);
      await expect.poll(() => outage.getAttribute("title")).toBeNull();
      await outage.hover();
      const tooltip = page.getByTestId("uptime-tooltip");
      await tooltip.waitFor();
      expect(squash(await tooltip.innerText())).toContain(formatDayDate(outageDay));
      expect(squash(await tooltip.innerText())).toContain("2 h major outage");

      // The server's HTML and the browser's first render agree: no hydration errors.
      expect(errors).toEqual([]);

      mkdirSync(screenshotDir, { recursive: true });
      await page.screenshot({
        path: path.join(screenshotDir, "status-readme-view.png"),
        fullPage: true,
      });

      // The older incident is on the next page of the history.
      await page.getByRole("link", { name: "Older incidents →" }).click();
      await expect.poll(() => page.url()).toContain("/status/history/2");
      await expect
        .poll(async () => squash(await page.getByTestId("incident-history").textContent()))
        .toContain(olderIncident);
      expect(await page.getByTestId("active-incidents").getByTestId("incident").count()).toBe(1);
      await context.close();
    },
  );

  it("reads the same without JavaScript", { timeout: 120_000 }, async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await openStatus(page);
    await expectEssentials(page);
    // The bars' titles stay: the browser's own tooltip describes each day.
    const outage = page.getByTestId("component-website").locator(`[data-date="${outageDay}"]`);
    expect(await outage.getAttribute("title")).toMatch(/2 h major outage/);
    // No chart to draw; the response times are said in words and in a table instead.
    expect(await page.getByTestId("response-chart").isVisible()).toBe(false);
    expect(squash(await page.getByTestId("response-sentence").textContent())).toMatch(
      /^In the latest hour, half of the requests were answered within \d+ ms/,
    );
    // Groups fold without JavaScript.
    const group = page.getByTestId("group-api");
    await group.locator("summary").click();
    expect(await page.getByTestId("component-uploads").isVisible()).toBe(false);
    await group.locator("summary").click();
    expect(await page.getByTestId("component-uploads").isVisible()).toBe(true);
    // Paging is a plain link.
    await page.getByRole("link", { name: "Older incidents →" }).click();
    await page.waitForURL(/\/status\/history\/2/);
    expect(squash(await page.getByTestId("incident-history").textContent())).toContain(
      olderIncident,
    );
    await context.close();
  });

  it(
    "answers 404 for a history page past the last and for one that is not a number",
    { timeout: 120_000 },
    async () => {
      // Two resolved incidents, one a page: page 2 exists once the snapshot holds the seed.
      await expect
        .poll(async () => (await fetch(`${base}/status/history/2`)).status, {
          timeout: 60_000,
          interval: 1_000,
        })
        .toBe(200);
      for (const page of ["3", "40", "abc", "2x", "0", "02"]) {
        const response = await fetch(`${base}/status/history/${page}`, { redirect: "manual" });
        expect(response.status, `/status/history/${page}`).toBe(404);
      }
      // A plain 404 in the status page's frame, with the way back.
      const context = await browser.newContext();
      const page = await context.newPage();
      const response = await page.goto(`${base}/status/history/abc`);
      expect(response!.status()).toBe(404);
      expect(await page.getByTestId("status-not-found").innerText()).toBe("Page not found");
      await page.getByRole("link", { name: "See the current status and recent incidents" }).click();
      await page.waitForURL(`${base}/status`);
      await context.close();
      // Page 1 of the history is /status itself.
      const first = await fetch(`${base}/status/history/1`, { redirect: "manual" });
      expect(first.status).toBeGreaterThanOrEqual(300);
      expect(first.status).toBeLessThan(400);
      expect(new URL(first.headers.get("location")!, base).pathname).toBe("/status");
    },
  );

  it("fits a phone, in the dark too", { timeout: 120_000 }, async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      colorScheme: "dark",
    });
    const page = await context.newPage();
    await openStatus(page);
    // The last 30 days on a phone.
    const days = page.getByTestId("component-website").locator(".uptime-bar__day");
    const shown = await days.evaluateAll(
      (nodes) => nodes.filter((node) => (node as HTMLElement).offsetWidth > 0).length,
    );
    expect(shown).toBe(30);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(1);
    // Dark because the system is, whatever a founder chose for the dashboard.
    const background = await page
      .locator(".status-page")
      .evaluate((node) => getComputedStyle(node).backgroundColor);
    expect(background).toBe("rgb(11, 13, 18)");
    mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({
      path: path.join(screenshotDir, "status-phone-dark.png"),
      fullPage: true,
    });
    await context.close();
  });
});
