// The Rank page as a founder sees it: `npm start`'s launcher against a real PostgreSQL holding
// three weeks of a launch's climb (Tranco exact places for the service and a competitor, Cloudflare
// Radar buckets, a country rank), a rank milestone, an outage and a failed ingest run; then a real
// browser that signs in and reads the chart, the standings, the countries and the sources.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, signIn as signInAs, startApp } from "../support/app";
import type { TestDatabase } from "../support/database";
import {
  cspViolations,
  openBrowser,
  screenshotDir,
  sidewaysOverflow,
  toDarkPhone,
} from "../support/browser";
import { root } from "../support/processes";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const config = `
timezone: UTC
service:
  name: Stashbox
  domain: stashbox.test
competitors:
  - name: Dropfile
    domain: dropfile.test
sources:
  ranks:
    - kind: tranco
      key: tranco
      name: Tranco
      listUrl: http://127.0.0.1:9/top-1m.csv.zip
    - kind: cloudflare-radar
      key: radar
      name: Cloudflare Radar
      baseUrl: http://127.0.0.1:9/client/v4
      tokenEnv: RADAR_TEST_TOKEN
      locations: [NZ]
monitors:
  - key: website
    name: Website
    type: http
    url: http://127.0.0.1:9/
    component: web
components:
  - key: web
    name: Website
milestones:
  - kind: rank
    key: global-rank
    source: tranco
    atMost: [1000, 150]
jobs:
  ingest-metrics: { schedule: "0 0 1 1 *", enabled: false }
  check-monitors: { schedule: "0 0 1 1 *", enabled: false }
  ingest-ranks: { schedule: "0 0 1 1 *", enabled: false }
`;

// Tranco, one list a day for 20 days: the service from #40,000 to #141, the last 3 h ago.
const now = Date.now();
const lastSample = now - 3 * HOUR;
const days = 20;
const dayAt = (day: number) => new Date(lastSample - (days - 1 - day) * DAY);
const serviceRank = (day: number) =>
  day === days - 1 ? 141 : Math.round(40_000 * (141 / 40_000) ** (day / (days - 1)));
const rivalRank = (day: number) => 80 - day;
// Cloudflare Radar's buckets for the service: top 50,000 → top 10,000 → top 5,000.
const radarBucket = (day: number): [number, number] =>
  day < 7 ? [20_001, 50_000] : day < 14 ? [5_001, 10_000] : [2_001, 5_000];

let running: RunningApp;
let database: TestDatabase;
let browser: BrowserContext;
let base: string;

async function seed(db: TestDatabase["db"]) {
  const sites = await db.site.findMany();
  const siteId = (domain: string) => sites.find((s) => s.domain === domain)!.id;
  const service = siteId("stashbox.test");
  const rival = siteId("dropfile.test");
  const rows = [];
  for (let day = 0; day < days; day++) {
    const at = dayAt(day);
    const [bucketMin, bucketMax] = radarBucket(day);
    rows.push(
      {
        siteId: service,
        source: "tranco",
        scope: "global",
        at,
        kind: "exact" as const,
        rank: serviceRank(day),
      },
      {
        siteId: rival,
        source: "tranco",
        scope: "global",
        at,
        kind: "exact" as const,
        rank: rivalRank(day),
      },
      {
        siteId: service,
        source: "radar",
        scope: "global",
        at,
        kind: "bucket" as const,
        bucketMin,
        bucketMax,
      },
      {
        siteId: service,
        source: "radar",
        scope: "NZ",
        at,
        kind: "exact" as const,
        rank: Math.max(1, 12 - day),
      },
    );
  }
  await db.rankSample.createMany({ data: rows });

  const entered = dayAt(days - 2);
  await db.milestone.create({
    data: {
      key: "global-rank:tranco:150",
      rule: "rank",
      metAt: entered,
      value: serviceRank(days - 2),
      siteId: service,
      details: { label: "Entered the top 150", source: "tranco", threshold: 150 },
    },
  });
  const outageFrom = new Date(lastSample - 5 * DAY);
  await db.$executeRaw`
    INSERT INTO outage (monitor_id, component_id, started_at, ended_at, severity)
    SELECT id, component_id, ${outageFrom}, ${new Date(outageFrom.getTime() + 6 * HOUR)}, 'major'
    FROM monitor WHERE key = 'website'`;
  await db.jobRun.create({
    data: {
      job: "ingest-ranks",
      trigger: "manual",
      worker: "rank-browser-test",
      startedAt: new Date(now - HOUR),
      endedAt: new Date(now - HOUR + 20_000),
      outcome: "failed",
      error: "radar: HTTP 503 from the Radar API",
    },
  });
}

beforeAll(async () => {
  running = await startApp("rank", config, { RADAR_TEST_TOKEN: "not-a-real-token" });
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

const text = async (page: Page, testId: string) =>
  ((await page.getByTestId(testId).textContent()) ?? "").trim();

describe("GET /api/rank", () => {
  it("is for founders only", async () => {
    const response = await fetch(`${base}/api/rank?range=30d`);
    expect(response.status).toBe(401);
  });
});

describe("the Rank page", () => {
  it(
    "charts the climb, states and buckets, countries and sources",
    { timeout: 120_000 },
    async () => {
      const page = await signIn("/rank?range=30d");

      // A range the API does not know is refused with a reason.
      const refused = await page.request.get(`${base}/api/rank?range=1y`);
      expect(refused.status()).toBe(422);
      const answer = await page.request.get(`${base}/api/rank?range=30d`);
      expect(answer.headers()["cache-control"]).toContain("no-store");

      // recharts draws in the browser: one series per site and source, never joined.
      const chart = page.getByTestId("chart-rank-climb");
      await chart.locator("svg.recharts-surface").waitFor({ timeout: 30_000 });
      const serviceLines = chart.locator(
        ".rank-line:not(.rank-line--competitor) path.recharts-line-curve",
      );
      const rivalLines = chart.locator(".rank-line--competitor path.recharts-line-curve");
      await expect.poll(() => serviceLines.count()).toBe(1); // Tranco's exact places
      expect(await rivalLines.count()).toBe(1); // Dropfile on Tranco, dashed
      expect(await rivalLines.first().getAttribute("stroke-dasharray")).toBeTruthy();
      // Radar's buckets are a shaded band, not a line of made-up places.
      expect(await chart.locator("g.rank-band").count()).toBe(1);
      expect(await chart.locator("g.rank-band path").count()).toBeGreaterThanOrEqual(1);

      // The competitor switched off and on again, remembered in the URL.
      const dropfile = page.getByRole("checkbox", { name: "Dropfile" });
      await dropfile.uncheck();
      await expect.poll(() => rivalLines.count()).toBe(0);
      expect(page.url()).toContain("hide=dropfile.test");
      await dropfile.check();
      await expect.poll(() => rivalLines.count()).toBe(1);
      expect(page.url()).not.toContain("hide=");

      // A log axis upside down: #100 above #10K, rank 1 towards the top.
      const ticks = chart.locator(".recharts-cartesian-axis-tick-value");
      const tickY = async (label: string) => {
        const box = await ticks.filter({ hasText: new RegExp(`^${label}$`) }).boundingBox();
        expect(box, label).not.toBeNull();
        return box!.y;
      };
      expect(await tickY("#100")).toBeLessThan(await tickY("#1K"));
      expect(await tickY("#1K")).toBeLessThan(await tickY("#10K"));

      // The milestone is marked and the outage shaded.
      expect(await chart.locator(".rank-marker").count()).toBe(1);
      expect(await chart.locator(".recharts-reference-dot").count()).toBe(1);
      expect(await chart.locator(".recharts-reference-area").count()).toBe(1);
      expect(await text(page, "rank-marker")).toContain("Entered the top 150");

      // Standings: the exact place, its best and the moves; a bucket said as a bucket.
      expect(await text(page, "standing-tranco")).toBe("#141");
      expect(await text(page, "best-tranco")).toMatch(
        /Best #141, first on \w{3} \d{1,2}, \d\d:\d\d/,
      );
      const gained = (days: number) => serviceRank(19 - days) - 141;
      expect(await text(page, "change-24h-tranco")).toBe(`▲ ${gained(1).toLocaleString("en-US")}`);
      expect(await text(page, "change-7d-tranco")).toBe(`▲ ${gained(7).toLocaleString("en-US")}`);
      const change = page.getByTestId("change-7d-tranco");
      expect(await change.getAttribute("class")).toContain("trend-up");
      expect(await text(page, "standing-radar")).toBe("top 5,000");
      expect(await page.getByTestId("standing-radar").getAttribute("data-kind")).toBe("bucket");
      expect(await text(page, "change-24h-radar")).toBe("—");
      expect(await page.getByTestId("change-24h-radar").getAttribute("title")).toContain("bucket");
      expect(await page.getByTestId("rank-standings").textContent()).not.toContain("#5,000");

      // Countries.
      const row = page.getByTestId("country-row").first();
      expect((await row.textContent())?.replace(/\s+/g, " ")).toMatch(
        /^New Zealand\s*Cloudflare Radar\s*#1\b/,
      );

      // Freshness per source, and the last run's error for Radar in red.
      expect(await text(page, "source-tranco")).toContain("3 h ago");
      const radar = page.getByTestId("source-radar");
      expect(await radar.getAttribute("data-failed")).toBe("true");
      const error = radar.locator(".rank-source__error");
      expect(await error.textContent()).toContain("HTTP 503");
      const red = await error.evaluate((node) => getComputedStyle(node).color);
      expect(red).toMatch(/^rgb\(2[0-9]{2}, [0-9]{1,2}, [0-9]{1,2}\)$/);

      // Another range: the URL says so, and the time axis spans the last week instead.
      const axisText = async () => (await ticks.allTextContents()).join(" ");
      const before = await axisText();
      await page.getByRole("button", { name: "7 d" }).click();
      await expect.poll(() => page.url()).toContain("range=7d");
      await expect.poll(axisText).not.toBe(before);
      expect(await chart.locator(".rank-marker").count()).toBe(1);
      expect(await chart.locator(".recharts-reference-area").count()).toBe(1);
      await page.getByRole("button", { name: "30 d" }).click();
      await expect.poll(() => page.url()).toContain("range=30d");

      await chart.hover({ position: { x: 400, y: 150 } });
      mkdirSync(path.join(root, "docs"), { recursive: true });
      await page.screenshot({ path: path.join(root, "docs/screenshot-rank.png"), fullPage: true });

      // The same page on a phone in the dark theme: the chart scales, nothing spills sideways.
      await toDarkPhone(page);
      await chart.locator("svg.recharts-surface").waitFor();
      // The chart re-measures itself after the resize: wait for it rather than read the old width.
      await expect.poll(() => sidewaysOverflow(page), { timeout: 10_000 }).toBeLessThanOrEqual(1);
      mkdirSync(screenshotDir, { recursive: true });
      await page.screenshot({
        path: path.join(screenshotDir, "rank-phone-dark.png"),
        fullPage: true,
      });
      await page.close();
    },
  );

  it("and the Overview shows each source's trend", { timeout: 60_000 }, async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    await page.getByTestId("rank-tranco").waitFor();
    expect(await text(page, "rank-tranco")).toBe("#141");
    expect(await text(page, "rank-trend-tranco")).toContain(
      `▲ ${(serviceRank(12) - 141).toLocaleString("en-US")} in 7 d`,
    );
    expect(await text(page, "rank-radar")).toBe("top 5,000");
    // A bucket is never told as a place anywhere on the Overview.
    expect(await page.locator("body").textContent()).not.toMatch(/#5,000|#5K/);
    await page.close();
  });
});
