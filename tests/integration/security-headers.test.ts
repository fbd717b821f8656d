// The security headers as visitors get them from a real `liftoff web`: the founders' pages (a
// nonce policy, never framed), the public status pages, API, feeds and badges (never framed by
// default, sniffing off), the copies the front serves from memory, even while Next.js is down,
// and the front's own 502. Needs the production build (`npm test` builds first).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningWebFront, startWebFront } from "../support/web-front";

const configText = `service: { name: Stashbox, domain: stashbox.test }
components:
  - { key: web, name: Website }`;

let front: RunningWebFront;
let base: string;

const get = (url: string) =>
  fetch(`${base}${url}`, { redirect: "manual", signal: AbortSignal.timeout(10_000) });

const shared = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
};
const publicFraming = {
  ...shared,
  "content-security-policy": "frame-ancestors 'none'",
  "x-frame-options": "DENY",
};

function expectHeaders(response: Response, expected: Record<string, string>) {
  const got = Object.fromEntries(Object.keys(expected).map((n) => [n, response.headers.get(n)]));
  expect(got, `${response.url} ${response.status}`).toEqual(expected);
}

/** The dashboard's policy on `response`; its nonce, checked to be new for every response. */
function expectAppHeaders(response: Response): string {
  expectHeaders(response, { ...shared, "x-frame-options": "DENY" });
  expect(response.headers.get("permissions-policy")).toContain("camera=()");
  expect(response.headers.get("strict-transport-security")).toBeNull(); // served over http
  const csp = response.headers.get("content-security-policy") ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  const nonce = /script-src 'self' 'nonce-([\w+/=]+)';/.exec(csp)?.[1];
  expect(nonce, csp).toBeDefined();
  return nonce!;
}

beforeAll(async () => {
  front = await startWebFront("security-headers", configText);
  base = front.base;
}, 90_000);

afterAll(() => front.stop());

describe("security headers", () => {
  it("give the sign-in page a nonce policy that its every script carries", async () => {
    // Next.js starts behind the front.
    await expect
      .poll(async () => (await get("/sign-in").catch(() => null))?.status, { timeout: 60_000 })
      .toBe(200);
    const first = await get("/sign-in");
    const nonce = expectAppHeaders(first);
    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(1);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect(expectAppHeaders(await get("/sign-in"))).not.toBe(nonce);
  }, 90_000);

  it("cover the dashboard's redirect and its APIs' refusals", async () => {
    const page = await get("/uptime");
    expect(page.status).toBe(307);
    expectAppHeaders(page);
    const api = await get("/api/overview");
    expect(api.status).toBe(401);
    expectAppHeaders(api);
  });

  it("keep the public pages unframed and unsniffed, from Next.js and from the copies", async () => {
    for (const url of [
      "/status",
      "/api/v2/summary.json",
      "/feed/incidents.atom",
      "/feed/incidents.rss",
      "/badge.svg",
    ]) {
      // The first answer is made for the copy; the second is served from it.
      await expect
        .poll(
          async () => {
            const response = await get(url);
            return `${response.status} ${response.headers.get("x-liftoff-cache")}`;
          },
          { timeout: 20_000 },
        )
        .toBe("200 hit");
      const copy = await get(url);
      expect(copy.status, url).toBe(200);
      expectHeaders(copy, publicFraming);
      expect(copy.headers.get("permissions-policy")).toContain("camera=()");
      // Compressed copies are stored apart: they say the same.
      const gzipped = await fetch(`${base}${url}`, { headers: { "accept-encoding": "gzip" } });
      expectHeaders(gzipped, publicFraming);
    }
    // What Next.js answers itself, not kept as a copy, says the same: history's first page is
    // /status, past its last there is none.
    const first = await get("/status/history/1");
    expect(first.status).toBe(307);
    expectHeaders(first, publicFraming);
    const missing = await get("/status/history/99");
    expect(missing.status).toBe(404);
    expectHeaders(missing, publicFraming);
    // A visitor's own nonce never reaches the page made for everyone.
    const forged = await fetch(`${base}/status?forged`, {
      headers: { "x-nonce": "forged", "content-security-policy": "script-src 'nonce-forged'" },
    });
    expect(forged.status).toBe(200);
    expect((await forged.text()).includes('nonce="forged"')).toBe(false);
    // The JSON API stays open to every site's scripts for reading.
    const api = await get("/api/v2/status.json");
    expect(api.headers.get("access-control-allow-origin")).toBe("*");
  }, 90_000);

  it("stay on the copies while Next.js is down, and the front's 502 says nosniff", async () => {
    await expect.poll(() => front.nextPids()).toHaveLength(1);
    const [next] = front.nextPids();
    process.kill(next!, "SIGKILL");
    await expect.poll(() => front.nextPids().includes(next!), { timeout: 10_000 }).toBe(false);
    // Next.js is started again after a second at the earliest: until then the front answers.
    let down: Response | undefined;
    await expect
      .poll(
        async () => {
          down = await get("/sign-in");
          return down.status;
        },
        { timeout: 10_000 },
      )
      .toBe(502);
    expect(down!.headers.get("x-content-type-options")).toBe("nosniff");
    const copy = await get("/status");
    expect(copy.status).toBe(200);
    expectHeaders(copy, publicFraming);
  }, 60_000);
});

describe("security headers behind https, with embedding origins", () => {
  let https: RunningWebFront;

  beforeAll(async () => {
    https = await startWebFront(
      "security-headers-https",
      `${configText}\nstatusPage: { embedOrigins: [https://stashbox.test, "http://localhost:8080"] }`,
      { LIFTOFF_BASE_URL: "https://status.stashbox.test" },
    );
  }, 90_000);

  afterAll(() => https.stop());

  it("tell browsers to keep to https, and let the listed sites frame the status page", async () => {
    const fetchFrom = (url: string) =>
      fetch(`${https.base}${url}`, { redirect: "manual", signal: AbortSignal.timeout(10_000) });
    await expect
      .poll(async () => (await fetchFrom("/sign-in").catch(() => null))?.status, {
        timeout: 60_000,
      })
      .toBe(200);
    const signIn = await fetchFrom("/sign-in");
    expect(signIn.headers.get("strict-transport-security")).toBe("max-age=31536000");
    expect(signIn.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    expect(signIn.headers.get("x-frame-options")).toBe("DENY");
    for (const url of ["/status", "/status", "/api/v2/summary.json"]) {
      const response = await fetchFrom(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get("content-security-policy")).toBe(
        "frame-ancestors https://stashbox.test http://localhost:8080",
      );
      // X-Frame-Options can name no list of sites: it is left out, so frame-ancestors decides.
      expect(response.headers.get("x-frame-options")).toBeNull();
      expect(response.headers.get("strict-transport-security")).toBe("max-age=31536000");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    }
  }, 90_000);
});
