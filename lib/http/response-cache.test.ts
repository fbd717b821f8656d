import { createServer, get, type IncomingHttpHeaders, type Server } from "node:http";
import { gunzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createResponseCache, type ResponseCache, type StoredResponse } from "./response-cache";

type Answer = StoredResponse | Error;
const statusCacheControl = "public, max-age=0, s-maxage=10";

/** A cache behind a real server; the app it fills from is a queue of answers. */
async function serve(answers: Answer[], cacheControl = "private, no-store") {
  let now = 1_000_000;
  const fills: string[] = [];
  let release: (() => void) | null = null;
  let hold = false;
  const cache: ResponseCache = createResponseCache({
    clock: () => now,
    freshness: { budgetMs: 10_000, refreshAheadMs: 3_000, waitMs: 100, retryMs: 5_000 },
    cacheControl: statusCacheControl,
    cacheable: (path) => path.startsWith("/status"),
    fill: async (path) => {
      fills.push(path);
      if (hold) await new Promise<void>((resolve) => (release = resolve));
      const answer = answers.shift() ?? new Error("no answer left");
      if (answer instanceof Error) throw answer;
      return {
        ...answer,
        headers: { "cache-control": cacheControl, ...answer.headers },
      };
    },
  });
  const server: Server = createServer((req, res) =>
    cache.handle(req, res, () => res.writeHead(299).end("passed to the app")),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  const request = (path: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>(
      (resolve, reject) => {
        get({ host: "127.0.0.1", port, path, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () =>
            resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
          );
        }).on("error", reject);
      },
    );
  return {
    cache,
    fills,
    request,
    advance: (ms: number) => (now += ms),
    now: () => now,
    holdFills: () => (hold = true),
    releaseFill: () => {
      hold = false;
      release?.();
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

const page = (text: string, headers: Record<string, string> = {}): StoredResponse => ({
  status: 200,
  headers: { "content-type": "text/html; charset=utf-8", etag: `"${text.length}"`, ...headers },
  body: Buffer.from(text),
});

let running: Awaited<ReturnType<typeof serve>>;
const big = (word: string) => `<p>${word}</p>`.repeat(400);

describe("the public response cache", () => {
  beforeEach(() => {
    running = undefined as never;
  });
  afterEach(async () => {
    await running?.close();
  });

  it("answers repeat visitors from one copy, saying how old it is and for how long to keep it", async () => {
    running = await serve([page("first")]);
    const one = await running.request("/status");
    running.advance(4_000);
    const two = await running.request("/status");
    expect(one.body.toString()).toBe("first");
    expect(one.headers["x-liftoff-cache"]).toBe("miss");
    expect(two.body.toString()).toBe("first");
    expect(two.headers["x-liftoff-cache"]).toBe("hit");
    expect(two.headers.age).toBe("4");
    expect(two.headers["x-liftoff-snapshot-stale"]).toBe("false");
    expect(two.headers.vary).toBe("Accept-Encoding");
    // The app's own no-store (a dynamic page) is replaced by the page's one budget.
    expect(two.headers["cache-control"]).toBe(statusCacheControl);
    expect(running.fills).toEqual(["/status"]);
  });

  it("makes one copy for a crowd arriving at once", async () => {
    running = await serve([page("only")]);
    running.holdFills();
    const crowd = Array.from({ length: 20 }, () => running.request("/status"));
    await expect.poll(() => running.fills.length).toBe(1);
    running.releaseFill();
    const bodies = (await Promise.all(crowd)).map((r) => r.body.toString());
    expect(new Set(bodies)).toEqual(new Set(["only"]));
    expect(running.fills).toHaveLength(1);
  });

  it("renews a copy nearing the budget in the background, serving it meanwhile", async () => {
    running = await serve([page("old"), page("new")]);
    await running.request("/status");
    running.advance(8_000);
    const ahead = await running.request("/status");
    expect(ahead.body.toString()).toBe("old");
    expect(ahead.headers["x-liftoff-cache"]).toBe("hit");
    await expect.poll(async () => (await running.request("/status")).body.toString()).toBe("new");
    expect(running.fills).toHaveLength(2);
  });

  it("after an idle spell, the first visitor gets a new copy, never the old one", async () => {
    running = await serve([page("old"), page("new")]);
    await running.request("/status");
    running.advance(600_000);
    const first = await running.request("/status");
    expect(first.body.toString()).toBe("new");
    expect(first.headers["x-liftoff-cache"]).toBe("miss");
    expect(first.headers.age).toBe("0");
  });

  it("gives the old copy, told as stale, when a renewal past the budget is slow", async () => {
    running = await serve([page("old"), page("new")]);
    await running.request("/status");
    running.advance(11_000);
    running.holdFills();
    const slow = await running.request("/status");
    expect(slow.body.toString()).toBe("old");
    expect(slow.headers["x-liftoff-cache"]).toBe("stale");
    expect(slow.headers["x-liftoff-snapshot-stale"]).toBe("true");
    expect(slow.headers.age).toBe("11");
    running.releaseFill();
    await expect.poll(async () => (await running.request("/status")).body.toString()).toBe("new");
  });

  it("keeps the old copy, of any age, when refills fail, and asks again every retryMs", async () => {
    running = await serve([page("kept"), new Error("refused"), new Error("refused"), page("back")]);
    await running.request("/status");
    running.advance(3_600_000);
    const answer = await running.request("/status");
    expect(answer.status).toBe(200);
    expect(answer.body.toString()).toBe("kept");
    expect(answer.headers["x-liftoff-cache"]).toBe("stale");
    expect(answer.headers.age).toBe("3600");
    running.advance(1_000);
    await running.request("/status");
    expect(running.fills).toHaveLength(2);
    // Due again: renewed in the background, while the visitor gets the copy at once.
    running.advance(5_000);
    running.holdFills();
    expect((await running.request("/status")).body.toString()).toBe("kept");
    expect(running.fills).toHaveLength(3);
    running.releaseFill();
    expect((await running.request("/status")).body.toString()).toBe("kept"); // it failed again
    running.advance(5_000);
    await running.request("/status");
    await expect.poll(async () => (await running.request("/status")).body.toString()).toBe("back");
  });

  it("serves the app's own old page (its database is down) as told, renewing it every retryMs", async () => {
    const down = { "x-liftoff-snapshot-age": "600", "x-liftoff-snapshot-stale": "true" };
    running = await serve([page("as of ten minutes ago", down), page("later", down)]);
    const first = await running.request("/status");
    expect(first.headers["x-liftoff-cache"]).toBe("stale");
    expect(first.headers["x-liftoff-snapshot-age"]).toBe("600");
    running.advance(2_000);
    const again = await running.request("/status");
    expect(again.headers["x-liftoff-snapshot-age"]).toBe("602");
    expect(running.fills).toHaveLength(1);
    running.advance(4_000);
    running.holdFills();
    // The renewal is under way and held: nobody waits for it.
    expect((await running.request("/status")).body.toString()).toBe("as of ten minutes ago");
    expect(running.fills).toHaveLength(2);
    running.releaseFill();
    await expect.poll(async () => (await running.request("/status")).body.toString()).toBe("later");
  });

  it("stores only what is the same for everyone", async () => {
    running = await serve([
      { status: 500, headers: {}, body: Buffer.from("boom") },
      page("with a cookie", { "set-cookie": "a=b" }),
    ]);
    for (let i = 0; i < 2; i++) {
      expect((await running.request("/status")).body.toString()).toBe("passed to the app");
    }
    expect(running.fills).toHaveLength(2);
  });

  it("passes through what it does not keep", async () => {
    running = await serve([page("never")]);
    expect((await running.request("/status?x=1")).status).toBe(299);
    expect((await running.request("/status", { rsc: "1" })).status).toBe(299);
    expect((await running.request("/uptime")).status).toBe(299);
    expect(running.fills).toEqual([]);
  });

  it("answers 304 to a matching If-None-Match, and ages the snapshot's own age", async () => {
    running = await serve([page("tagged", { etag: '"abc"', "x-liftoff-snapshot-age": "3" })]);
    await running.request("/status");
    running.advance(4_000);
    const again = await running.request("/status", { "if-none-match": 'W/"abc"' });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers["x-liftoff-snapshot-age"]).toBe("7");
    expect(again.headers.age).toBe("7");
  });

  it("ages a page from the snapshot the app announced, not from when the copy was made", async () => {
    running = await serve([page("rendered")]);
    running.cache.noteSnapshot({ statusEtag: "a", builtAt: running.now() - 4_000 });
    expect((await running.request("/status")).headers.age).toBe("4");
  });

  it("gives gzip to those who ask for it, the plain bytes to the rest", async () => {
    running = await serve([page(big("status"))]);
    await running.request("/status");
    const zipped = await running.request("/status", { "accept-encoding": "gzip, br" });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(Number(zipped.headers["content-length"])).toBe(zipped.body.length);
    expect(gunzipSync(zipped.body).toString()).toBe(big("status"));
    expect(zipped.body.length).toBeLessThan(big("status").length / 10);
    const plain = await running.request("/status");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(big("status"));
  });

  it("drops its copies when the status changes, and never keeps a copy asked for before", async () => {
    running = await serve([page("before"), page("read before the change"), page("after")]);
    running.cache.noteSnapshot({ statusEtag: "a", builtAt: running.now() });
    await running.request("/status");
    running.advance(8_000);
    running.holdFills();
    await running.request("/status"); // renewing ahead: a refill that is held
    running.cache.noteSnapshot({ statusEtag: "a", builtAt: running.now() });
    expect((await running.request("/status")).body.toString()).toBe("before");
    running.cache.noteSnapshot({ statusEtag: "b", builtAt: running.now() });
    running.releaseFill();
    const next = await running.request("/status");
    expect(next.body.toString()).toBe("after");
    expect(running.fills).toHaveLength(3);
  });
});
