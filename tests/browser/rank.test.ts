// The Rank page as a founder sees it: `npm start`'s launcher against a real PostgreSQL holding
// three weeks of a launch's climb on six sources for the service and three competitors (Tranco,
// Majestic, Umbrella and Alexa exact places, Cloudflare Radar exact only inside its top 100 and
// buckets past it, CrUX buckets), country ranks, rank milestones close together, an outage and a
// failed ingest run; then a real browser that signs in and reads the chart, the standings, the
// countries and the sources, on a desktop and on a phone in the dark.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { BrowserContext, Locator, Page } from "playwright-core";
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
  - name: Boxcloud
    domain: boxcloud.test
  - name: Filenest
    domain: filenest.test
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
      locations: [NZ, US, GB, DE]
    - kind: csv-list
      key: majestic
      name: Majestic
      format: majestic
      url: http://127.0.0.1:9/majestic_million.csv
    - kind: csv-list
      key: umbrella
      name: Umbrella
      format: umbrella
      url: http://127.0.0.1:9/top-1m.csv.zip
    - kind: csv-list
      key: crux
      name: CrUX
      format: crux
      url: http://127.0.0.1:9/crux.csv
    - kind: page
      key: alexa
      name: Alexa
      url: http://127.0.0.1:9/data?cli=10&url={domain}
      preset: alexa-xml
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
    atMost: [1000, 500, 150]
jobs:
  ingest-metrics: { schedule: "0 0 1 1 *", enabled: false }
  check-monitors: { schedule: "0 0 1 1 *", enabled: false }
  ingest-ranks: { schedule: "0 0 1 1 *", enabled: false }
`;

// One list a day for 20 days, the last 3 h ago. The service climbs Tranco from #40,000 to #141.
const now = Date.now();
const lastSample = now - 3 * HOUR;
const days = 20;
const dayAt = (day: number) => new Date(lastSample - (days - 1 - day) * DAY);
const serviceRank = (day: number) =>
  day === days - 1 ? 141 : Math.round(40_000 * (141 / 40_000) ** (day / (days - 1)));
const climb = (from: number, to: number) => (day: number) =>
  Math.round(from * (to / from) ** (day / (days - 1)));
// Cloudflare Radar's buckets for the service: top 50,000 → top 10,000 → top 5,000.
const radarBucket = (day: number): [number, number] =>
  day < 7 ? [20_001, 50_000] : day < 14 ? [5_001, 10_000] : [2_001, 5_000];
// CrUX's buckets: the bucket holding a rank (1,000, 5,000, 10,000, 50,000, 100,000…).
const cruxBucket = (rank: number): [number, number] => {
  const bounds = [1_000, 5_000, 10_000, 50_000, 100_000, 500_000, 1_000_000];
  const at = bounds.findIndex((bound) => rank <= bound);
  return [at > 0 ? bounds[at - 1]! + 1 : 1, bounds[at] ?? 1_000_000];
};

type Site = "stashbox.test" | "dropfile.test" | "boxcloud.test" | "filenest.test";
/** Each site's exact place per source and day. */
const places: Record<string, Record<Site, (day: number) => number>> = {
  tranco: {
    "stashbox.test": serviceRank,
    "dropfile.test": (day) => 80 - day,
    "boxcloud.test": climb(900, 700),
    "filenest.test": climb(6_000, 9_000),
  },
  majestic: {
    "stashbox.test": climb(90_000, 2_100),
    "dropfile.test": climb(300, 260),
    "boxcloud.test": climb(1_500, 1_400),
    "filenest.test": climb(12_000, 15_000),
  },
  umbrella: {
    "stashbox.test": climb(60_000, 3_300),
    "dropfile.test": climb(150, 120),
    "boxcloud.test": climb(2_000, 1_800),
    "filenest.test": climb(20_000, 25_000),
  },
  alexa: {
    "stashbox.test": climb(120_000, 8_800),
    "dropfile.test": climb(400, 380),
    "boxcloud.test": climb(3_000, 2_900),
    "filenest.test": climb(30_000, 33_000),
  },
};
// Radar ranks exactly inside its top 100 (Dropfile), in buckets past it.
const radarRivals: Record<Exclude<Site, "stashbox.test">, (day: number) => number> = {
  "dropfile.test": (day) => 60 - day,
  "boxcloud.test": () => 1_500,
  "filenest.test": () => 12_000,
};
// Alexa's history is the last 5 days only: its chart spans them, not the 20 days of the others.
const alexaFirstDay = days - 5;
// Milestones close together on Tranco, whose labels would print over each other.
const milestones = [
  { day: 16, threshold: 1000, label: "Entered the top 1,000" },
  { day: 17, threshold: 500, label: "Entered the top 500" },
  { day: 18, threshold: 150, label: "Entered the top 150" },
];

let running: RunningApp;
let database: TestDatabase;
let browser: BrowserContext;
let base: string;

type SampleRow = {
  siteId: number;
  source: string;
  scope: string;
  at: Date;
  kind: "exact" | "bucket";
  rank?: number;
  bucketMin?: number;
  bucketMax?: number;
};

async function seed(db: TestDatabase["db"]) {
  const sites = await db.site.findMany();
  const siteId = (domain: string) => sites.find((s) => s.domain === domain)!.id;
  const service = siteId("stashbox.test");
  const rows: SampleRow[] = [];
  const exact = (domain: string, source: string, at: Date, rank: number, scope = "global") =>
    rows.push({ siteId: siteId(domain), source, scope, at, kind: "exact", rank });
  const bucket = (domain: string, source: string, at: Date, [min, max]: [number, number]) =>
    rows.push({
      siteId: siteId(domain),
      source,
      scope: "global",
      at,
      kind: "bucket",
      bucketMin: min,
      bucketMax: max,
    });
  for (let day = 0; day < days; day++) {
    const at = dayAt(day);
    for (const [source, bySite] of Object.entries(places)) {
      if (source === "alexa" && day < alexaFirstDay) continue;
      for (const [domain, rank] of Object.entries(bySite)) exact(domain, source, at, rank(day));
    }
    for (const [domain, rank] of Object.entries(places.tranco!)) {
      bucket(domain, "crux", at, cruxBucket(rank(day)));
    }
    bucket("stashbox.test", "radar", at, radarBucket(day));
    for (const [domain, rank] of Object.entries(radarRivals)) {
      if (rank(day) <= 100) exact(domain, "radar", at, rank(day));
      else bucket(domain, "radar", at, cruxBucket(rank(day)));
    }
    exact("stashbox.test", "radar", at, Math.max(1, 12 - day), "NZ");
    exact("stashbox.test", "radar", at, 123_456 - day * 1_000, "US");
    exact("stashbox.test", "radar", at, 9_876 - day * 100, "DE");
    rows.push({
      siteId: service,
      source: "radar",
      scope: "GB",
      at,
      kind: "bucket",
      bucketMin: 20_001,
      bucketMax: 50_000,
    });
  }
  await db.rankSample.createMany({ data: rows });

  for (const milestone of milestones) {
    await db.milestone.create({
      data: {
        key: `global-rank:tranco:${milestone.threshold}`,
        rule: "rank",
        metAt: dayAt(milestone.day),
        value: serviceRank(milestone.day),
        siteId: service,
        details: { label: milestone.label, source: "tranco", threshold: milestone.threshold },
      },
    });
  }
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

/**
 * How many places of the chart are marked by `elements`: recharts may keep a second copy of a
 * reference line drawn over the first for a while after a redraw, which a person sees as one.
 */
async function markedAt(elements: Locator, attribute: string): Promise<number> {
  const places = await elements.evaluateAll(
    (nodes, name) => nodes.map((node) => node.getAttribute(name)),
    attribute,
  );
  return new Set(places.filter((place) => place !== null)).size;
}

describe("GET /api/rank", () => {
  it("is for founders only", async () => {
    const response = await fetch(`${base}/api/rank?range=30d`);
    expect(response.status).toBe(401);
  });
});

/** The boxes of every element `locator` finds (hidden ones left out). */
async function boxesOf(locator: Locator) {
  const boxes = await Promise.all((await locator.all()).map((one) => one.boundingBox()));
  return boxes.filter((box) => box !== null);
}

/** How many pairs of the boxes overlap. */
function overlaps(boxes: { x: number; y: number; width: number; height: number }[]): number {
  let count = 0;
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      const apart =
        a.x + a.width <= b.x ||
        b.x + b.width <= a.x ||
        a.y + a.height <= b.y ||
        b.y + b.height <= a.y;
      if (!apart) count += 1;
    }
  }
  return count;
}

describe("the Rank page", () => {
  it(
    "charts one source at a time, the service standing out, with states, buckets, countries and sources",
    { timeout: 150_000 },
    async () => {
      // No range in the link: the page fits it to the 20 days stored (30 d).
      const page = await signIn("/rank");

      // A range the API does not know is refused with a reason.
      const refused = await page.request.get(`${base}/api/rank?range=1y`);
      expect(refused.status()).toBe(422);
      const answer = await page.request.get(`${base}/api/rank?range=30d`);
      expect(answer.headers()["cache-control"]).toContain("no-store");
      const fitted = await (await page.request.get(`${base}/api/rank`)).json();
      expect(fitted).toMatchObject({ range: "30d", fitted: true });

      const chart = page.getByTestId("chart-rank-climb");
      await chart.locator("svg.recharts-surface").waitFor({ timeout: 30_000 });
      expect(await page.getByRole("button", { name: "30 d" }).getAttribute("aria-pressed")).toBe(
        "true",
      );
      expect(page.url()).not.toContain("range=");

      // Four sites on six sources: one source is drawn, the one with the most exact places for the
      // service (Tranco: 20, as many as Majestic, and listed first), so one line per site.
      const picker = page.getByLabel("Source");
      expect(await picker.inputValue()).toBe("tranco");
      expect(await picker.locator("option").allTextContents()).toEqual([
        "Tranco (exact)",
        "Cloudflare Radar (buckets)",
        "Majestic (exact)",
        "Umbrella (exact)",
        "CrUX (buckets)",
        "Alexa (exact)",
      ]);
      const lines = chart.locator("path.recharts-line-curve");
      await expect.poll(() => lines.count()).toBe(4);
      const legend = page.getByTestId("rank-legend");
      expect(await legend.locator("li").allTextContents()).toEqual([
        "Stashbox",
        "Dropfile",
        "Boxcloud",
        "Filenest",
      ]);

      // The service stands out: its own strong colour, a thicker line, drawn after (over) the rest.
      const serviceLine = chart.locator(".rank-line--service path.recharts-line-curve");
      const rivalLines = chart.locator(".rank-line--competitor path.recharts-line-curve");
      expect(await serviceLine.count()).toBe(1);
      expect(await rivalLines.count()).toBe(3);
      expect(await serviceLine.getAttribute("stroke")).toBe("var(--rank-service)");
      expect(Number(await serviceLine.getAttribute("stroke-width"))).toBe(3);
      for (const rival of await rivalLines.all()) {
        expect(await rival.getAttribute("stroke")).toMatch(/^var\(--rank-rival-\d\)$/);
        expect(Number(await rival.getAttribute("stroke-width"))).toBeLessThan(2);
      }
      const drawnLast = await lines.evaluateAll(
        (paths) => paths.at(-1)?.closest(".rank-line--service") !== null,
      );
      expect(drawnLast).toBe(true);
      // The time axis spans the data: the service's 20 days fill the plot's width.
      // How much of the plot's width the service's line spans (0 while it is being redrawn).
      const serviceSpan = async () => {
        const [line, grid] = await Promise.all([
          serviceLine.boundingBox(),
          chart.locator(".recharts-cartesian-grid").boundingBox(),
        ]);
        return line && grid ? line.width / grid.width : 0;
      };
      await expect.poll(serviceSpan).toBeGreaterThan(0.9);

      // A competitor switched off and on again from its legend entry, remembered in the URL.
      const dropfile = page.getByRole("checkbox", { name: "Dropfile" });
      await dropfile.uncheck();
      await expect.poll(() => rivalLines.count()).toBe(2);
      expect(page.url()).toContain("hide=dropfile.test");
      await dropfile.check();
      await expect.poll(() => rivalLines.count()).toBe(3);
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

      // Three milestones a day apart: each marked, their printed labels never overlap.
      // (recharts redraws its reference lines a moment after the lines: wait for it to settle.)
      await expect.poll(() => markedAt(chart.locator(".rank-marker line"), "x1")).toBe(3);
      await expect
        .poll(() => markedAt(chart.locator(".recharts-reference-dot circle"), "cx"))
        .toBe(3);
      await expect
        .poll(() => markedAt(chart.locator(".recharts-reference-area path"), "d"))
        .toBe(1);
      const markerLabels = chart.locator(".rank-marker__label");
      await expect.poll(() => markerLabels.count()).toBeGreaterThanOrEqual(1);
      expect(overlaps(await boxesOf(markerLabels))).toBe(0);
      expect(await page.getByTestId("rank-marker").allTextContents()).toEqual([
        expect.stringContaining("Entered the top 1,000"),
        expect.stringContaining("Entered the top 500"),
        expect.stringContaining("Entered the top 150"),
      ]);

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

      // Countries, best first.
      const row = page.getByTestId("country-row").first();
      expect((await row.textContent())?.replace(/\s+/g, " ")).toMatch(
        /^New Zealand\s*Cloudflare Radar\s*#1\b/,
      );
      expect(await page.getByTestId("country-row").count()).toBe(4);

      // Freshness per source, and the last run's error for Radar in red.
      expect(await text(page, "source-tranco")).toContain("3 h ago");
      const radar = page.getByTestId("source-radar");
      expect(await radar.getAttribute("data-failed")).toBe("true");
      const error = radar.locator(".rank-source__error");
      expect(await error.textContent()).toContain("HTTP 503");
      const red = await error.evaluate((node) => getComputedStyle(node).color);
      expect(red).toMatch(/^rgb\(2[0-9]{2}, [0-9]{1,2}, [0-9]{1,2}\)$/);

      // Another source: the URL says so, and the lines are that source's. CrUX gives buckets only:
      // bands, not lines, and the tooltip calls them buckets, never places.
      const trancoPath = await serviceLine.getAttribute("d");
      await picker.selectOption("crux");
      await expect.poll(() => page.url()).toContain("source=crux");
      await expect.poll(() => chart.locator("g.rank-band").count()).toBe(4);
      expect(await lines.count()).toBe(0);
      expect(await chart.locator("g.rank-band--service").count()).toBe(1);
      const surface = chart.locator("svg.recharts-surface");
      const hoverAt = async (x: number, y: number) => {
        const box = (await surface.boundingBox())!;
        await surface.hover({ position: { x: box.width * x, y: box.height * y } });
      };
      await hoverAt(0.7, 0.5);
      const tooltip = chart.locator(".chart-tooltip");
      await tooltip.waitFor();
      expect(await tooltip.textContent()).toMatch(/Stashbox\s*top [\d,]+\s*bucket/);
      expect(await tooltip.textContent()).not.toContain("#");
      mkdirSync(screenshotDir, { recursive: true });
      await chart.screenshot({ path: path.join(screenshotDir, "rank-buckets.png") });
      // Radar: the service's buckets as a band, Dropfile's exact places inside the top 100 as a line.
      await picker.selectOption("radar");
      await expect.poll(() => lines.count()).toBe(1);
      await expect.poll(() => chart.locator("g.rank-band").count()).toBe(3);
      await chart.screenshot({ path: path.join(screenshotDir, "rank-radar.png") });
      // Milestones of Tranco belong to Tranco's chart; the list under the chart keeps them.
      await expect.poll(() => chart.locator(".rank-marker").count()).toBe(0);
      expect(await page.getByTestId("rank-marker").count()).toBe(3);

      // A standing card charts its source, as Plausible's stats pick the graph's metric.
      const chartMajestic = page.getByRole("button", { name: "Chart Majestic" });
      expect(await chartMajestic.getAttribute("aria-pressed")).toBe("false");
      await chartMajestic.click();
      await expect.poll(() => page.url()).toContain("source=majestic");
      expect(await picker.inputValue()).toBe("majestic");
      expect(await chartMajestic.getAttribute("aria-pressed")).toBe("true");
      await expect.poll(() => lines.count()).toBe(4);
      await expect.poll(() => serviceLine.getAttribute("d")).not.toBe(trancoPath);
      const majesticPath = await serviceLine.getAttribute("d");

      // Alexa holds 5 days: its chart spans those, not the last quarter of 20 days.
      await picker.selectOption("alexa");
      await expect.poll(() => page.url()).toContain("source=alexa");
      await expect.poll(() => serviceLine.getAttribute("d")).not.toBe(majesticPath);
      expect(await lines.count()).toBe(4);
      await expect.poll(serviceSpan).toBeGreaterThan(0.9);

      // Another range: the URL says so, and the time axis spans the last week instead.
      await picker.selectOption("tranco");
      await expect.poll(() => serviceLine.getAttribute("d")).toBe(trancoPath);
      const axisText = async () => (await ticks.allTextContents()).join(" ");
      const before = await axisText();
      await page.getByRole("button", { name: "7 d" }).click();
      await expect.poll(() => page.url()).toContain("range=7d");
      await expect.poll(axisText).not.toBe(before);
      await expect.poll(() => markedAt(chart.locator(".rank-marker line"), "x1")).toBe(3);
      await expect
        .poll(() => markedAt(chart.locator(".recharts-reference-area path"), "d"))
        .toBe(1);
      expect(overlaps(await boxesOf(markerLabels))).toBe(0);

      // A link to the view opens the same view.
      const shared = await browser.newPage();
      await shared.goto(`${base}/rank?range=7d&source=umbrella&hide=boxcloud.test`);
      const sharedChart = shared.getByTestId("chart-rank-climb");
      await sharedChart.locator("svg.recharts-surface").waitFor({ timeout: 30_000 });
      expect(await shared.getByLabel("Source").inputValue()).toBe("umbrella");
      expect(await shared.getByRole("button", { name: "7 d" }).getAttribute("aria-pressed")).toBe(
        "true",
      );
      await expect.poll(() => sharedChart.locator("path.recharts-line-curve").count()).toBe(3);
      expect(await shared.getByRole("checkbox", { name: "Boxcloud" }).isChecked()).toBe(false);
      await shared.close();

      await page.getByRole("button", { name: "30 d" }).click();
      await expect.poll(() => page.url()).toContain("range=30d");

      await hoverAt(0.85, 0.4);
      await tooltip.waitFor();
      mkdirSync(screenshotDir, { recursive: true });
      await page.screenshot({
        path: path.join(screenshotDir, "rank-readme-view.png"),
        fullPage: true,
      });
      mkdirSync(screenshotDir, { recursive: true });
      await page.screenshot({ path: path.join(screenshotDir, "rank-desktop.png"), fullPage: true });

      // The same page on a phone in the dark theme: the chart scales, nothing spills sideways.
      await page.mouse.move(0, 0);
      await toDarkPhone(page);
      await chart.locator("svg.recharts-surface").waitFor();
      // The chart re-measures itself after the resize: wait for it rather than read the old width.
      await expect.poll(() => sidewaysOverflow(page), { timeout: 10_000 }).toBeLessThanOrEqual(1);
      // The legend is a line or two, not taller than the chart.
      const figure = (await chart.locator("figure.chart").boundingBox())!;
      expect((await legend.boundingBox())!.height).toBeLessThan(figure.height / 2);
      await expect
        .poll(async () => overlaps(await boxesOf(markerLabels)), { timeout: 10_000 })
        .toBe(0);
      // The country table fits: no cell cuts its number, the table needs no sideways scroll.
      const table = page.getByTestId("rank-countries");
      const clipped = await table.evaluate((node) => {
        const cells = [...node.querySelectorAll("th, td")] as HTMLElement[];
        const cut = cells
          .filter((cell) => cell.scrollWidth > cell.clientWidth)
          .map((cell) => cell.textContent);
        const scroller = node.parentElement!;
        return { cut, table: node.scrollWidth, room: scroller.clientWidth };
      });
      expect(clipped.cut).toEqual([]);
      expect(clipped.table).toBeLessThanOrEqual(clipped.room);
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
