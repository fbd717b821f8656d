// Cross-site forgery, tried as an outsider would with the founder signed in: pages on other
// origins (127.0.0.1 on a port of their own, the same site as Liftoff's 127.0.0.1, so the SameSite
// cookie goes along; and localhost, another site, where it does not) submit a founder's action to
// Liftoff. The first gets the Origin guard's 403, the second a 401; nothing changes. The same action from the dashboard itself is accepted, and the
// Activity page then names the founder who took it.
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { founder, type RunningApp, signIn, startApp } from "../support/app";
import { openBrowser } from "../support/browser";
import { startHttpServer } from "../support/http-server";

const incident = {
  name: "Forged incident",
  status: "investigating",
  impact: "critical",
  components: [],
  body: "Written by another site.",
};

/** A page that posts `incident` to `target` as a form (the one kind of cross-site POST a browser
 * sends without asking), as soon as it loads. */
async function startForger() {
  return startHttpServer({
    "/forge": (request, response) => {
      const target = new URL(request.url ?? "", "http://x").searchParams.get("target") ?? "";
      const quoted = target.replaceAll("&", "&amp;").replaceAll('"', "&quot;");
      const value = JSON.stringify(incident).replaceAll("&", "&amp;").replaceAll('"', "&quot;");
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(
        `<!doctype html><title>forger</title>
<form id="f" method="post" enctype="text/plain" action="${quoted}"><input name="${value}" value=""></form>
<script>document.getElementById("f").submit()</script>`,
      );
    },
  });
}

let running: RunningApp;
let browser: BrowserContext;
let forger: Awaited<ReturnType<typeof startForger>>;

beforeAll(async () => {
  forger = await startForger();
  running = await startApp(
    "cross-site",
    `service: { name: Stashbox, domain: stashbox.test }
components:
  - { key: website, name: Website }`,
  );
  browser = await openBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await running?.stop();
  await forger?.close();
});

/** Opens the forger's page on `origin`; resolves with the status Liftoff answered its post. */
async function forgeFrom(origin: string): Promise<number> {
  const page = await browser.newPage();
  const target = `${running.base}/api/status-admin/incidents`;
  const answered = page.waitForResponse(
    (response) => response.url() === target && response.request().method() === "POST",
  );
  await page.goto(`${origin}/forge?target=${encodeURIComponent(target)}`);
  const status = (await answered).status();
  await page.close();
  return status;
}

describe("a founder's action from another page", () => {
  it("is refused (403) from a same-site and a cross-site page, and nothing changes", async () => {
    const dashboard = await signIn(browser, running.base, "/activity");
    await dashboard.getByText("No actions in the last 90 days").waitFor();
    const sameSite = forger.url; // http://127.0.0.1:<its port>
    const crossSite = forger.url.replace("127.0.0.1", "localhost");
    // The same site: the SameSite=Lax cookie goes along, and the Origin guard refuses it.
    expect(await forgeFrom(sameSite)).toBe(403);
    // Another site: the browser keeps the cookie back, so it is refused as signed out.
    expect(await forgeFrom(crossSite)).toBe(401);
    const db = running.database.db;
    expect(await db.incident.count({ where: { name: incident.name } })).toBe(0);
    expect(await db.auditEntry.count()).toBe(0);
    await dashboard.close();
  }, 60_000);

  it("is accepted from the dashboard, and the Activity page names the founder", async () => {
    // Signed in by the test before.
    const page: Page = await browser.newPage();
    await page.goto(`${running.base}/activity`);
    const status = await page.evaluate(async (body) => {
      const response = await fetch("/api/status-admin/incidents", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ...body, name: "Uploads failing" }),
      });
      return response.status;
    }, incident);
    expect(status).toBe(201);
    await page.reload();
    const entry = page.getByRole("list", { name: "Founders' actions" }).getByRole("listitem");
    await expect.poll(() => entry.count()).toBe(1);
    expect(await entry.first().innerText()).toMatch(
      new RegExp(`${founder.email}[\\s\\S]*incident\\.created[\\s\\S]*Opened "Uploads failing"`),
    );
  }, 60_000);
});
