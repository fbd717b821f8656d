// The public pages' responses, kept in the web process's memory in front of Next.js, as a CDN
// would keep them: /status, its history pages, /api/v2, the feeds and the badges are answered
// from a stored copy, so a launch-day crowd costs a render per path per renewal, never one per
// visitor. Copies live by the status page's one freshness budget (lib/status/freshness.ts,
// passed in by bin/web-server.ts),
// counted from when the snapshot behind them was read from the database, not from when the copy
// was made:
// - within the budget a copy is served as fresh, and renewed in the background (one refill per
//   path) once it nears the end of it, so a steady crowd never waits and never gets an old page;
// - past the budget (after an idle spell) a visitor waits for the renewal, up to `waitMs`;
// - when the app can only give an old page (its database is down) or cannot answer, the newest
//   copy is served at once, told as stale by `Age`, `X-Liftoff-Snapshot-Age` and the page's own
//   words, and renewed in the background every `retryMs`;
// - when the status itself changes, the app says so (noteSnapshot) and every copy is dropped.
// Bodies are gzipped once per copy; ETags answer 304.
import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { gzip as gzipCallback } from "node:zlib";
import { within } from "@/lib/time/within";

// Compressed on libuv's threads, so the copies being served meanwhile never wait for it.
const gzip = promisify(gzipCallback);

/** A response as the app gave it: what a copy is made from. */
export type StoredResponse = { status: number; headers: Record<string, string>; body: Buffer };

/** The snapshot the app last built, as it announced it (lib/http/public-cache-bus.ts). */
export type BuiltSnapshot = { statusEtag: string; builtAt: number };

type Copy = {
  /** What every answer from the copy says, made once: plain, and gzipped. */
  plainHeaders: Record<string, string | number>;
  gzipHeaders: Record<string, string | number>;
  body: Buffer;
  gzip: Buffer | null;
  etag: string | undefined;
  /** When the snapshot behind it was read from the database. */
  dataAt: number;
  /** When the app gave it. */
  filledAt: number;
  /** The app said its database was unreachable at its last rebuild. */
  unreachable: boolean;
};

export type CopyFreshness = {
  /** Nothing older is served as fresh. */
  budgetMs: number;
  /** A copy this close to the budget is renewed in the background while it serves. */
  refreshAheadMs: number;
  /** How long a visitor waits for a renewal past the budget before getting the old copy. */
  waitMs: number;
  /** How often a copy the app could not renew is tried again. */
  retryMs: number;
};

export type ResponseCacheOptions = {
  /** Asks the app itself for `path`, bypassing this cache. */
  fill(path: string): Promise<StoredResponse>;
  /** Which paths (no query string) are public and the same for every visitor. */
  cacheable(path: string): boolean;
  maxCopies?: number;
  clock?: () => number;
  /** How long copies live, counted from the snapshot's read. */
  freshness: CopyFreshness;
  /** What every copy tells caches further down (browsers, a CDN). */
  cacheControl: string;
  onError?(path: string, error: unknown): void;
};

export type ResponseCache = {
  /** Answers from a copy, or calls `pass` for the app to answer itself. */
  handle(request: IncomingMessage, response: ServerResponse, pass: () => void): void;
  /** Drops every copy: the next visitor of each path waits for a new one. */
  clear(): void;
  /** The app built a snapshot: copies age from it, and are dropped if the status changed. */
  noteSnapshot(built: BuiltSnapshot): void;
};

// Headers the transport sets per response, or Next.js's own bookkeeping, or said per answer here:
// never stored with a copy.
const droppedHeaders = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "date",
  "age",
  "content-length",
  "content-encoding",
  "cache-control",
  "x-liftoff-snapshot-age",
  "x-liftoff-snapshot-stale",
  "x-nextjs-cache",
  "x-nextjs-prerender",
  "x-nextjs-stale-time",
]);
// A client-side navigation asks for the page's React payload rather than its HTML.
const appHeaders = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-action"];
const compressible = /^(text\/|application\/(json|xml|atom\+xml|rss\+xml|javascript)|image\/svg)/;

async function makeCopy(
  stored: StoredResponse,
  cacheControl: string,
  times: { dataAt: number; filledAt: number },
): Promise<Copy | null> {
  const { status, headers, body } = stored;
  // The paths are public by definition; a cookie would still make an answer someone's own.
  if (status !== 200 || headers["set-cookie"] !== undefined) return null;
  const kept: Record<string, string> = { "cache-control": cacheControl };
  for (const [name, value] of Object.entries(headers)) {
    if (!droppedHeaders.has(name)) kept[name] = value;
  }
  if (!/accept-encoding/i.test(kept.vary ?? "")) {
    kept.vary = kept.vary ? `${kept.vary}, Accept-Encoding` : "Accept-Encoding";
  }
  const compressed =
    body.length > 1024 && compressible.test(headers["content-type"] ?? "")
      ? await gzip(body)
      : null;
  return {
    plainHeaders: { ...kept, "content-length": body.length },
    gzipHeaders: compressed
      ? { ...kept, "content-encoding": "gzip", "content-length": compressed.length }
      : {},
    body,
    gzip: compressed,
    etag: headers.etag,
    ...times,
    unreachable: headers["x-liftoff-snapshot-stale"] === "true",
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

/** How a copy was given: fresh, older than the budget, or just made. */
type Outcome = "hit" | "stale" | "miss";

function send(
  request: IncomingMessage,
  response: ServerResponse,
  copy: Copy,
  ageMs: number,
  outcome: Outcome,
  budgetMs: number,
) {
  const seconds = Math.max(0, Math.floor(ageMs / 1000));
  const old = ageMs >= budgetMs;
  // The real age of what is said: from the snapshot's read, whichever layer kept it since.
  response.setHeader("age", seconds);
  response.setHeader("x-liftoff-snapshot-age", seconds);
  response.setHeader("x-liftoff-snapshot-stale", String(old || copy.unreachable));
  response.setHeader("x-liftoff-cache", old ? "stale" : outcome);
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
  const { budgetMs, refreshAheadMs, waitMs, retryMs } = options.freshness;
  const clock = options.clock ?? Date.now;
  const copies = new Map<string, Copy>();
  const refills = new Map<string, Promise<Copy | null>>();
  const failedAt = new Map<string, number>();
  let generation = 0;
  let built: BuiltSnapshot | null = null;

  function refill(path: string): Promise<Copy | null> {
    let pending = refills.get(path);
    if (pending) return pending;
    const started = generation;
    const startedAt = clock();
    pending = fill(path)
      .then((stored) => {
        const filledAt = clock();
        // The snapshot's age as the app rendered it; else the last snapshot it announced.
        const told = Number(stored.headers["x-liftoff-snapshot-age"]);
        const dataAt = Number.isFinite(told)
          ? Math.min(startedAt, filledAt - told * 1000)
          : (built?.builtAt ?? startedAt);
        return makeCopy(stored, options.cacheControl, { dataAt, filledAt });
      })
      .then((copy) => {
        // A copy asked for before a clear may hold what the clear was for: never keep it.
        if (copy && started === generation) {
          copies.delete(path);
          copies.set(path, copy);
          failedAt.delete(path);
          if (copies.size > maxCopies) copies.delete(copies.keys().next().value!);
        } else if (!copy) failedAt.set(path, clock());
        return copy;
      })
      .catch((error: unknown) => {
        failedAt.set(path, clock());
        options.onError?.(path, error);
        return null;
      })
      .finally(() => {
        if (refills.get(path) === pending) refills.delete(path);
      });
    refills.set(path, pending);
    return pending;
  }

  function clear() {
    generation += 1;
    copies.clear();
    failedAt.clear();
    // A refill under way may have read before the change: later visitors start their own.
    refills.clear();
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
        const age = now - copy.dataAt;
        if (age < budgetMs) {
          if (age >= budgetMs - refreshAheadMs) void refill(path);
          return send(request, response, copy, age, "hit", budgetMs);
        }
        // The app could only give an old page (its database is down), or could not answer: the
        // newest copy is the truth we have, told as such; it is renewed every retryMs, in the
        // background, so the crowd never waits on a database that is not there.
        const failed = failedAt.get(path);
        const degraded = copy.unreachable || copy.filledAt - copy.dataAt >= budgetMs || !!failed;
        if (degraded) {
          if (now - Math.max(copy.filledAt, failed ?? -Infinity) >= retryMs) void refill(path);
          return send(request, response, copy, age, "stale", budgetMs);
        }
      }
      const renewal = refill(path);
      (copy ? within(renewal, waitMs) : renewal).then((fresh) => {
        const usable = fresh ?? copies.get(path) ?? copy;
        if (!usable) return pass();
        const at = clock();
        send(request, response, usable, at - usable.dataAt, fresh ? "miss" : "stale", budgetMs);
      }, pass);
    },
    clear,
    noteSnapshot(next) {
      const changed = built !== null && built.statusEtag !== next.statusEtag;
      built = next;
      if (changed) clear();
    },
  };
}
