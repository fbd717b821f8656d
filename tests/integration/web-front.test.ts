// The web process as `npm start` runs it (`liftoff web`): the front server answers the status
// page and its API from its copies, hands everything else to Next.js in a process of its own, and
// when Next.js dies keeps answering the status page while it starts Next.js again. Needs the
// production build (`npm test` builds first).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningWebFront, startWebFront } from "../support/web-front";

const configText = `service: { name: Stashbox, domain: stashbox.test }
components:
  - { key: web, name: Website }
monitors:
  - { key: web, name: Website, type: http, url: "http://127.0.0.1:1/", component: web }`;

let front: RunningWebFront;
let web: RunningWebFront["web"];
let base: string;
const nextPids = () => front.nextPids();

const get = (url: string) => fetch(`${base}${url}`, { signal: AbortSignal.timeout(10_000) });

beforeAll(async () => {
  front = await startWebFront("web-front", configText);
  ({ web, base } = front);
}, 90_000);

afterAll(() => front.stop());

describe("the web front", () => {
  it("answers the status page and its API from copies, and the rest from Next.js", async () => {
    // Next.js starts behind the front: until then the front says so with a 502.
    await expect
      .poll(async () => (await get("/sign-in").catch(() => null))?.status, { timeout: 60_000 })
      .toBe(200);
    await expect
      .poll(
        async () => {
          const response = await get("/status");
          const body = await response.text();
          return response.status === 200 && body.includes("Website")
            ? response.headers.get("x-liftoff-cache")
            : null;
        },
        { timeout: 30_000 },
      )
      .toBe("hit");
    const summary = await get("/api/v2/summary.json");
    expect(summary.status).toBe(200);
    expect((await get("/api/v2/summary.json")).headers.get("x-liftoff-cache")).toBe("hit");
    // A dashboard page is Next.js's, and asks for a sign-in.
    const dashboard = await fetch(`${base}/uptime`, { redirect: "manual" });
    expect(dashboard.status).toBe(307);
    expect(dashboard.headers.get("location")).toContain("/sign-in");
  }, 120_000);

  it("keeps answering the status page while Next.js is down, and starts it again", async () => {
    await expect.poll(() => nextPids()).toHaveLength(1);
    const [next] = nextPids();
    process.kill(next!, "SIGKILL");
    await expect.poll(() => nextPids().includes(next!), { timeout: 10_000 }).toBe(false);

    const page = await get("/status");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Website");
    expect((await get("/api/v2/summary.json")).status).toBe(200);
    // What only Next.js can answer waits for it, and says so rather than hanging.
    const signIn = await get("/sign-in");
    if (signIn.status !== 200) {
      expect(signIn.status).toBe(502);
      expect(await signIn.text()).toContain("not answering right now");
    }
    await expect
      .poll(async () => (await get("/sign-in").catch(() => null))?.status, { timeout: 60_000 })
      .toBe(200);
    expect(web.output()).toContain("Next.js exited");
    expect(nextPids()).toHaveLength(1);
  }, 120_000);

  it("stops Next.js with itself on SIGTERM", async () => {
    const [next] = nextPids();
    web.child.kill("SIGTERM");
    expect(await web.exited).toBe(0);
    expect(() => process.kill(next!, 0)).toThrow();
  }, 60_000);
});
