import { createServer, get, type IncomingHttpHeaders, type Server } from "node:http";
import { gunzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createResponseCache, type ResponseCache, type StoredResponse } from "./response-cache";

type Answer = StoredResponse | Error;

/** A cache behind a real server; the app it fills from is a queue of answers. */
async function serve(
  answers: Answer[],
  cacheControl = "public, s-maxage=10, stale-while-revalidate=30",
) {
  let now = 1_000_000;
  const fills: string[] = [];
  let release: (() => void) | null = null;
  let hold = false;
  const cache: ResponseCache = createResponseCache({
    clock: () => now,
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

  it("answers repeat visitors from one copy, saying how old it is", async () => {
    running = await serve([page("first")]);
    const one = await running.request("/status");
    running.advance(4_000);
    const two = await running.request("/status");
    expect(one.body.toString()).toBe("first");
    expect(one.headers["x-liftoff-cache"]).toBe("miss");
    expect(two.body.toString()).toBe("first");
    expect(two.headers["x-liftoff-cache"]).toBe("hit");
    expect(two.headers.age).toBe("4");
    expect(two.headers.vary).toBe("Accept-Encoding");
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

  it("serves a stale copy while one refill runs, then the new one", async () => {
    running = await serve([page("old"), page("new")]);
    await running.request("/status");
    running.advance(12_000);
    const stale = await running.request("/status");
    expect(stale.body.toString()).toBe("old");
    expect(stale.headers["x-liftoff-cache"]).toBe("stale");
    await expect.poll(async () => (await running.request("/status")).body.toString()).toBe("new");
    expect(running.fills).toHaveLength(2);
  });

  it("keeps the old copy, of any age, when refills fail", async () => {
    running = await serve([page("kept"), new Error("connection refused")]);
    await running.request("/status");
    running.advance(3_600_000);
    const answer = await running.request("/status");
    expect(answer.status).toBe(200);
    expect(answer.body.toString()).toBe("kept");
    expect(answer.headers["x-liftoff-cache"]).toBe("stale");
  });

  it("asks the app again soon when it answered from a regeneration under way", async () => {
    running = await serve([page("regenerating", { "x-nextjs-cache": "STALE" }), page("done")]);
    await running.request("/status");
    running.advance(1_000);
    expect((await running.request("/status")).headers["x-liftoff-cache"]).toBe("hit");
    running.advance(1_500);
    await running.request("/status");
    await expect.poll(async () => (await running.request("/status")).body.toString()).toBe("done");
  });

  it("stores only what is the same for everyone", async () => {
    running = await serve([
      { status: 500, headers: {}, body: Buffer.from("boom") },
      page("with a cookie", { "set-cookie": "a=b" }),
      page("private", { "cache-control": "private, no-store" }),
    ]);
    for (let i = 0; i < 3; i++) {
      expect((await running.request("/status")).body.toString()).toBe("passed to the app");
    }
    expect(running.fills).toHaveLength(3);
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
    running.advance(5_000);
    const again = await running.request("/status", { "if-none-match": 'W/"abc"' });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers["x-liftoff-snapshot-age"]).toBe("8");
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

  it("drops its copies on clear, and never keeps a copy asked for before the clear", async () => {
    running = await serve([page("before"), page("read before the change"), page("after")]);
    await running.request("/status");
    running.advance(12_000);
    running.holdFills();
    await running.request("/status"); // stale, starts a refill that is held
    running.cache.clear();
    running.releaseFill();
    const next = await running.request("/status");
    expect(next.body.toString()).toBe("after");
    expect(running.fills).toHaveLength(3);
  });
});
