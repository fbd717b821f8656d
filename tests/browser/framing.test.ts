// Clickjacking, tried as an outsider would: pages on other origins (localhost on ports of their
// own, while Liftoff is 127.0.0.1) put Liftoff in a frame. The founders' dashboard, with the
// founder signed in, stays out of every frame; the public status page shows only in a frame of
// an origin statusPage.embedOrigins lists. Every page runs under the real policy, and the only
// Content Security Policy messages the browser prints are the refusals themselves.
import type { BrowserContext, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, signIn, startApp } from "../support/app";
import { cspViolations, openBrowser } from "../support/browser";
import { startHttpServer } from "../support/http-server";

/** A page that frames whatever its `src` query names, as an attacker's or a partner's would. */
async function startFramer() {
  const server = await startHttpServer({
    "/frame": (request, response) => {
      const src = new URL(request.url ?? "", "http://x").searchParams.get("src") ?? "";
      const quoted = src.replaceAll("&", "&amp;").replaceAll('"', "&quot;");
      response
        .writeHead(200, { "content-type": "text/html; charset=utf-8" })
        .end(`<!doctype html><title>framer</title><iframe id="f" src="${quoted}"></iframe>`);
    },
  });
  // Another site than Liftoff's 127.0.0.1: the same server, named localhost.
  return { ...server, origin: server.url.replace("127.0.0.1", "localhost") };
}

let running: RunningApp;
let browser: BrowserContext;
let partner: Awaited<ReturnType<typeof startFramer>>;
let stranger: Awaited<ReturnType<typeof startFramer>>;

beforeAll(async () => {
  partner = await startFramer();
  stranger = await startFramer();
  running = await startApp(
    "framing",
    `service: { name: Stashbox, domain: stashbox.test }
statusPage: { embedOrigins: ["${partner.origin}"] }
components:
  - { key: website, name: Website }`,
  );
  browser = await openBrowser();
}, 180_000);

afterAll(async () => {
  const seen = browser ? cspViolations(browser) : [];
  await browser?.close();
  await running?.stop();
  await partner?.close();
  await stranger?.close();
  // Only the refusals the tests provoked, each a frame-ancestors refusal on a framing page.
  expect(
    seen.filter((line) => !/^http:\/\/localhost:\d+\/frame\?.*frame-ancestors/.test(line)),
  ).toEqual([]);
});

/** Opens `framer`'s page framing `path` of Liftoff; resolves with the page and its frame. */
async function frameFrom(framer: { origin: string }, path: string): Promise<[Page, Frame]> {
  const page = await browser.newPage();
  const src = `${running.base}${path}`;
  await page.goto(`${framer.origin}/frame?src=${encodeURIComponent(src)}`, { waitUntil: "load" });
  const frame = page.frames().find((f) => f !== page.mainFrame());
  expect(frame).toBeDefined();
  return [page, frame!];
}

/** The frame was refused: nothing of Liftoff's in it, and the browser said why. */
async function expectRefused(page: Page, frame: Frame) {
  expect(frame.url()).not.toContain(running.base);
  const text = await frame.evaluate(() => document.body?.innerText ?? "").catch(() => "");
  expect(text).not.toMatch(/Stashbox|Website|Sign in/);
  // Reported on the framing page (whose address names `path`), as a frame-ancestors refusal.
  await expect
    .poll(() =>
      cspViolations(browser).some(
        (line) => line.startsWith(`${page.url()}: `) && line.includes("frame-ancestors"),
      ),
    )
    .toBe(true);
}

describe("framing", () => {
  it("keeps the dashboard out of another site's frame, founder signed in", async () => {
    const dashboard = await signIn(browser, running.base, "/");
    // Signed in, the dashboard itself renders under its policy.
    await dashboard.getByRole("navigation").first().waitFor();
    const [page, frame] = await frameFrom(partner, "/");
    await expectRefused(page, frame);
    const [signInPage, signInFrame] = await frameFrom(stranger, "/sign-in");
    await expectRefused(signInPage, signInFrame);
  }, 60_000);

  it("shows the status page in a listed origin's frame, and no other's", async () => {
    const [, shown] = await frameFrom(partner, "/status");
    expect(shown.url()).toBe(`${running.base}/status`);
    await shown.getByText("Website").first().waitFor();
    const [page, frame] = await frameFrom(stranger, "/status");
    await expectRefused(page, frame);
  }, 60_000);
});
