// The Milestones page as a founder uses it: `npm start`'s launcher with a metric milestone, an X
// channel that asks for approval (its credentials set) and a Mastodon one in dry run, three
// milestones and their posts seeded in its database; then a real browser that signs in, finds the
// approvals at the top, edits a text (counted live against X's limit) and approves it, cancels
// another, reads the timeline with a sent post's link, and checks the page on a phone in the dark.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, signIn, startApp } from "../support/app";
import {
  cspViolations,
  openBrowser,
  screenshotDir,
  sidewaysOverflow,
  toDarkPhone,
} from "../support/browser";
import type { TestDatabase } from "../support/database";

const HOUR = 3_600_000;

const config = `
timezone: UTC
service: { name: Stashbox, domain: stashbox.test }
sources:
  push: [{ key: app, tokenEnv: APP_TOKEN, metrics: [{ metric: users_total, name: Users, type: counter }] }]
milestones:
  - { kind: metric, key: users, metric: users_total, thresholds: [1000, 250000, 1000000] }
channels:
  - kind: x
    key: launch-x
    mode: approve
    baseUrl: http://127.0.0.1:9
    apiKeyEnv: X_API_KEY
    apiSecretEnv: X_API_SECRET
    accessTokenEnv: X_ACCESS_TOKEN
    accessSecretEnv: X_ACCESS_SECRET
  - { kind: mastodon, key: toot, mode: dry-run, baseUrl: "http://127.0.0.1:9", tokenEnv: TOOT_TOKEN }
jobs:
  ingest-metrics: { schedule: "0 0 1 1 *", enabled: false }
  check-monitors: { schedule: "0 0 1 1 *", enabled: false }
  ingest-ranks: { schedule: "0 0 1 1 *", enabled: false }
  prune-checks: { schedule: "0 0 1 1 *", enabled: false }
  send-posts: { schedule: "0 0 1 1 *", enabled: false } # the page is under test here, not sending
`;
const xCredentials = {
  X_API_KEY: "key",
  X_API_SECRET: "secret",
  X_ACCESS_TOKEN: "token",
  X_ACCESS_SECRET: "token-secret",
};

const now = Date.now();
const sentUrl = "https://x.com/stashbox/status/1866000000000000001";
const edited = "One million people keep their files on Stashbox. Thank you all!";

let running: RunningApp;
let database: TestDatabase;
let browser: BrowserContext;
let base: string;

type Seeded = { status: string; text: string; url?: string; error?: string; sentAt?: Date };

/** A milestone met `hoursAgo`, with a post on each channel. */
async function seedMilestone(
  value: number,
  label: string,
  hoursAgo: number,
  posts: Record<string, Seeded>,
) {
  const metAt = new Date(now - hoursAgo * HOUR);
  const milestone = await database.db.milestone.create({
    data: {
      key: `metric:users:${value}`,
      rule: "metric",
      metAt,
      value,
      details: { label, metricName: "Users" },
    },
  });
  for (const [channel, post] of Object.entries(posts)) {
    await database.db.post.create({
      data: {
        milestoneId: milestone.id,
        channel,
        status: post.status as "pending",
        text: post.text,
        url: post.url ?? null,
        error: post.error ?? null,
        sentAt: post.sentAt ?? null,
        attempts: post.sentAt || post.error ? 1 : 0,
        idempotencyKey: `liftoff-${milestone.id}-${channel}`,
        nextAttemptAt: metAt,
        createdAt: metAt,
      },
    });
  }
}

beforeAll(async () => {
  running = await startApp("milestones", config, xCredentials);
  ({ database, base } = running);
  await seedMilestone(1000, "1,000 users", 72, {
    "launch-x": {
      status: "sent",
      text: "1,000 users on Stashbox in 2 days",
      url: sentUrl,
      sentAt: new Date(now - 71 * HOUR),
    },
    toot: { status: "dry_run", text: "1,000 users on #Stashbox in 2 days" },
  });
  await seedMilestone(250_000, "250,000 users", 24, {
    "launch-x": { status: "awaiting_approval", text: "250,000 users on Stashbox in 5 days" },
    toot: {
      status: "reconcile",
      text: "250,000 users on #Stashbox in 5 days",
      error: "toot: timed out after 10 s; the post may have landed",
    },
  });
  await seedMilestone(1_000_000, "1,000,000 users", 1, {
    "launch-x": { status: "awaiting_approval", text: "1,000,000 users on Stashbox in 9 days" },
    toot: {
      status: "failed",
      text: "1,000,000 users on #Stashbox in 9 days",
      error: "toot: the instance answered 503",
    },
  });
  browser = await openBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await running?.stop();
  // Every page ran under the real Content-Security-Policy without a complaint.
  expect(browser ? cspViolations(browser) : []).toEqual([]);
});

const squash = (text: string | null) => (text ?? "").replace(/\s+/g, " ").trim();
const postOf = (label: string, channel: string) =>
  database.db.post.findFirstOrThrow({
    where: { channel, milestone: { details: { path: ["label"], equals: label } } },
  });

describe("the milestones APIs", () => {
  it("are for founders only", async () => {
    expect((await fetch(`${base}/api/milestones`)).status).toBe(401);
    const { id } = await postOf("1,000,000 users", "launch-x");
    const write = await fetch(`${base}/api/milestones/posts/${id}/approve`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(write.status).toBe(401);
    expect((await postOf("1,000,000 users", "launch-x")).status).toBe("awaiting_approval");
  });
});

describe("the Milestones page", () => {
  it(
    "puts approvals first, approves an edited text, cancels another, shows the timeline",
    { timeout: 180_000 },
    async () => {
      const page = await signIn(browser, base, "/milestones");
      const sent = await postOf("1,000 users", "launch-x");
      const waiting = await postOf("1,000,000 users", "launch-x");

      // Refusals through the real routes: a text too long for X, a decision on a sent post.
      const tooLong = await page.request.post(
        `${base}/api/milestones/posts/${waiting.id}/approve`,
        {
          data: { text: "x".repeat(281) },
        },
      );
      expect(tooLong.status()).toBe(422);
      expect((await tooLong.json()).error).toEqual({
        code: "validation_failed",
        message: 'text: too long for x channel "launch-x": 281 weighted characters, at most 280',
      });
      const conflict = await page.request.post(`${base}/api/milestones/posts/${sent.id}/cancel`, {
        data: {},
      });
      expect(conflict.status()).toBe(409);
      expect((await conflict.json()).error.message).toMatch(
        new RegExp(`^Post ${sent.id} is sent: `),
      );
      expect(
        (
          await page.request.post(`${base}/api/milestones/posts/${sent.id}/publish`, { data: {} })
        ).status(),
      ).toBe(404);

      // What waits for a founder comes before the timeline.
      const decisions = page.getByTestId("decisions");
      const timeline = page.getByTestId("timeline");
      const top = async (locator: typeof decisions) => (await locator.boundingBox())!.y;
      expect(await top(decisions)).toBeLessThan(await top(timeline));
      const approvals = decisions.getByTestId("approval");
      expect(await approvals.count()).toBe(2);
      expect(await decisions.getByTestId("reconcile").count()).toBe(1);
      expect(squash(await page.getByTestId("channel-launch-x").textContent())).toBe(
        "launch-x · asks for approval",
      );
      expect(squash(await page.getByTestId("channel-toot").textContent())).toBe("toot · dry run");

      // Edit the newest milestone's text: its length is counted as X counts it, live.
      const approval = approvals.filter({ hasText: "1,000,000 users" });
      const text = approval.getByLabel("Text for launch-x");
      expect(await text.inputValue()).toBe(waiting.text);
      await text.fill("🚀".repeat(141));
      await expect
        .poll(async () => squash(await approval.getByTestId("post-length").textContent()))
        .toBe(
          '282 / 280 weighted characters · too long for x channel "launch-x": 282 weighted characters, at most 280',
        );
      expect(await approval.getByRole("button", { name: "Approve edited text" }).isDisabled()).toBe(
        true,
      );
      await text.fill(edited);
      await expect
        .poll(async () => squash(await approval.getByTestId("post-length").textContent()))
        .toBe("63 / 280 weighted characters");
      // The page as a founder finds it: two posts to approve (one being edited), one to check.
      mkdirSync(screenshotDir, { recursive: true });
      await page.screenshot({
        path: path.join(screenshotDir, "milestones-readme-view.png"),
        fullPage: true,
      });

      await approval.getByRole("button", { name: "Approve edited text" }).click();

      // It leaves the approvals and shows as queued in the timeline, with the edited text stored.
      const newest = timeline.getByTestId("milestone").filter({ hasText: "1,000,000 users" });
      const approved = newest.locator('[data-testid="timeline-post"][data-channel="launch-x"]');
      await expect
        .poll(() => approved.getByTestId("post-status").getAttribute("data-status"))
        .toBe("pending");
      expect(squash(await approved.getByTestId("post-status").textContent())).toBe("Queued");
      expect(squash(await approved.locator("blockquote").textContent())).toBe(edited);
      expect(await approvals.count()).toBe(1);
      expect(squash(await decisions.getByTestId("write-success").first().textContent())).toBe(
        "Approved: the post to launch-x is queued.",
      );
      expect(await postOf("1,000,000 users", "launch-x")).toMatchObject({
        status: "pending",
        text: edited,
      });

      // Cancel the other one.
      const other = approvals.filter({ hasText: "250,000 users" });
      await other.getByRole("button", { name: "Cancel post" }).click();
      await expect.poll(() => approvals.count()).toBe(0);
      const cancelled = timeline
        .getByTestId("milestone")
        .filter({ hasText: "250,000 users" })
        .locator('[data-testid="timeline-post"][data-channel="launch-x"]');
      await expect
        .poll(async () => squash(await cancelled.getByTestId("post-status").textContent()))
        .toBe("Cancelled");
      expect((await postOf("250,000 users", "launch-x")).status).toBe("cancelled");

      // The timeline: newest first, each post's state, a failure's error, the sent post's link.
      const milestones = timeline.getByTestId("milestone");
      expect((await milestones.locator("h3").allTextContents()).map(squash)).toEqual([
        "1,000,000 users",
        "250,000 users",
        "1,000 users",
      ]);
      const failed = newest.locator('[data-testid="timeline-post"][data-channel="toot"]');
      expect(await failed.getByTestId("post-status").getAttribute("data-status")).toBe("failed");
      expect(squash(await failed.textContent())).toContain("toot: the instance answered 503");
      const oldest = milestones.filter({ hasText: "1,000 users on Stashbox" });
      const link = oldest.getByRole("link", { name: "View post" });
      expect(await link.getAttribute("href")).toBe(sentUrl);
      expect(
        squash(
          await oldest.locator('[data-channel="toot"]').getByTestId("post-status").textContent(),
        ),
      ).toBe("Dry run");

      // On a phone in the dark theme: nothing spills sideways.
      await toDarkPhone(page);
      await expect.poll(() => sidewaysOverflow(page), { timeout: 10_000 }).toBeLessThanOrEqual(1);
      mkdirSync(screenshotDir, { recursive: true });
      await page.screenshot({
        path: path.join(screenshotDir, "milestones-phone-dark.png"),
        fullPage: true,
      });
      await page.close();
    },
  );
});
