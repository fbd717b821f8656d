// The public pages' responses, kept in the web process's memory in front of Next.js, as a CDN
// would keep them: /status, its history pages, /api/v2, the feeds and the badges are answered
// from a stored copy, fresh for the response's own s-maxage, then served stale while one request
// refills it in the background (single flight). A launch-day crowd costs a copy per path per
// 10 s, never a render per visitor. A refill that fails or answers badly keeps the old copy, of
// any age: the page stays up when the rest does not. Bodies are gzipped once per copy; ETags
// answer 304. A founder's change drops every copy (see public-cache-bus.ts).
import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { gzip as gzipCallback } from "node:zlib";

// Compressed on libuv's threads, so the copies being served meanwhile never wait for it.
const gzip = promisify(gzipCallback);

/** A response as the app gave it: what a copy is made from. */
export type StoredResponse = { status: number; headers: Record<string, string>; body: Buffer };

type Copy = {
  /** What every answer from the copy says, made once: plain, and gzipped. */
  plainHeaders: Record<string, string | number>;
  gzipHeaders: Record<string, string | number>;
  /** X-Liftoff-Snapshot-Age when the copy was made, if the app said it. */
  snapshotAge: number | undefined;
  body: Buffer;
  gzip: Buffer | null;
  etag: string | undefined;
  storedAt: number;
  freshMs: number;
  staleMs: number;
};

export type ResponseCacheOptions = {
  /** Asks the app itself for `path`, bypassing this cache. */
  fill(path: string): Promise<StoredResponse>;
  /** Which paths (no query string) are public and the same for every visitor. */
  cacheable(path: string): boolean;
  maxCopies?: number;
  clock?: () => number;
  onError?(path: string, error: unknown): void;
};

export type ResponseCache = {
  /** Answers from a copy, or calls `pass` for the app to answer itself. */
  handle(request: IncomingMessage, response: ServerResponse, pass: () => void): void;
  /** Drops every copy: the next visitor of each path waits for a new one. */
  clear(): void;
};

// Headers the transport sets per response, or Next.js's own bookkeeping: never stored with a copy.
const droppedHeaders = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "date",
  "age",
  "content-length",
  "content-encoding",
  "x-liftoff-snapshot-age",
  "x-nextjs-cache",
  "x-nextjs-prerender",
  "x-nextjs-stale-time",
]);
// A client-side navigation asks for the page's React payload rather than its HTML.
const appHeaders = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-action"];
const staleRetryMs = 2_000;
const compressible = /^(text\/|application\/(json|xml|atom\+xml|rss\+xml|javascript)|image\/svg)/;

/** Seconds of a Cache-Control directive, or undefined. */
function directive(cacheControl: string | undefined, name: string): number | undefined {
  const match = cacheControl?.match(new RegExp(`(?:^|[,\\s])${name}=(\\d+)`));
  return match ? Number(match[1]) : undefined;
}

async function makeCopy(stored: StoredResponse, now: number): Promise<Copy | null> {
  const { status, headers, body } = stored;
  if (status !== 200 || headers["set-cookie"] !== undefined) return null;
  const cacheControl = headers["cache-control"];
  if (cacheControl && /no-store|private/.test(cacheControl)) return null;
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!droppedHeaders.has(name)) kept[name] = value;
  }
  if (!/accept-encoding/i.test(kept.vary ?? "")) {
    kept.vary = kept.vary ? `${kept.vary}, Accept-Encoding` : "Accept-Encoding";
  }
  const freshSeconds = directive(cacheControl, "s-maxage") ?? directive(cacheControl, "max-age");
  const compressed =
    body.length > 1024 && compressible.test(headers["content-type"] ?? "")
      ? await gzip(body)
      : null;
  const snapshotAge = headers["x-liftoff-snapshot-age"];
  return {
    plainHeaders: { ...kept, "content-length": body.length },
    gzipHeaders: compressed
      ? { ...kept, "content-encoding": "gzip", "content-length": compressed.length }
      : {},
    snapshotAge: snapshotAge === undefined ? undefined : Number(snapshotAge),
    body,
    gzip: compressed,
    etag: headers.etag,
    storedAt: now,
    // Next.js answered stale while it regenerates the page: ask again soon, not at once, so a
    // slow regeneration is not met with a stream of refills.
    freshMs: headers["x-nextjs-cache"] === "STALE" ? staleRetryMs : (freshSeconds ?? 10) * 1000,
    staleMs: (directive(cacheControl, "stale-while-revalidate") ?? 60) * 1000,
  };
}

function etagMatches(ifNoneMatch: string | undefined, etag: string | undefined): boolean {
  if (!ifNoneMatch || !etag) return false;
  const bare = etag.replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => {
    const t = tag.trim().replace(/^W\//, "");
    return t === "*" || t === bare;
  });
}

/** How a copy was given: fresh, stale (a refill under way or failing), or just made. */
type Outcome = "hit" | "stale" | "miss";

function send(
  request: IncomingMessage,
  response: ServerResponse,
  copy: Copy,
  now: number,
  outcome: Outcome,
) {
  const elapsed = Math.floor((now - copy.storedAt) / 1000);
  response.setHeader("age", elapsed);
  response.setHeader("x-liftoff-cache", outcome);
  // The snapshot was this old when the copy was made; it is older now.
  if (copy.snapshotAge !== undefined) {
    response.setHeader("x-liftoff-snapshot-age", copy.snapshotAge + elapsed);
  }
  const compressed = copy.gzip && /\bgzip\b/.test(request.headers["accept-encoding"] ?? "");
  const headers = compressed ? copy.gzipHeaders : copy.plainHeaders;
  if (etagMatches(request.headers["if-none-match"], copy.etag)) {
    response.writeHead(304, headers);
    response.end();
    return;
  }
  response.writeHead(200, headers);
  response.end(request.method === "HEAD" ? undefined : compressed ? copy.gzip! : copy.body);
}

export function createResponseCache(options: ResponseCacheOptions): ResponseCache {
  const { fill, cacheable, maxCopies = 200 } = options;
  const clock = options.clock ?? Date.now;
  const copies = new Map<string, Copy>();
  const refills = new Map<string, Promise<Copy | null>>();
  let generation = 0;

  function refill(path: string): Promise<Copy | null> {
    let pending = refills.get(path);
    if (pending) return pending;
    const started = generation;
    pending = fill(path)
      .then((stored) => makeCopy(stored, clock()))
      .then((copy) => {
        // A copy asked for before a clear may hold what the clear was for: never keep it.
        if (copy && started === generation) {
          copies.delete(path);
          copies.set(path, copy);
          if (copies.size > maxCopies) copies.delete(copies.keys().next().value!);
        }
        return copy;
      })
      .catch((error: unknown) => {
        options.onError?.(path, error);
        return null;
      })
      .finally(() => {
        if (refills.get(path) === pending) refills.delete(path);
      });
    refills.set(path, pending);
    return pending;
  }

  return {
    handle(request, response, pass) {
      const path = request.url ?? "";
      if (
        (request.method !== "GET" && request.method !== "HEAD") ||
        path.includes("?") ||
        appHeaders.some((name) => request.headers[name] !== undefined) ||
        !cacheable(path)
      ) {
        return pass();
      }
      const now = clock();
      const copy = copies.get(path);
      if (copy) {
        const age = now - copy.storedAt;
        if (age < copy.freshMs) return send(request, response, copy, now, "hit");
        void refill(path);
        if (age < copy.freshMs + copy.staleMs) return send(request, response, copy, now, "stale");
      }
      // No copy, or one too old to give without trying for a new one first.
      refill(path).then((fresh) => {
        const usable = fresh ?? copies.get(path) ?? copy;
        if (usable) send(request, response, usable, clock(), fresh ? "miss" : "stale");
        else pass();
      }, pass);
    },
    clear() {
      generation += 1;
      copies.clear();
      // A refill under way may have read before the change: later visitors start their own.
      refills.clear();
    },
  };
}
