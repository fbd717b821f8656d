// The status snapshot in memory: what /status and /api/v2 read, so no visitor ever causes a query.
// It lives by the page's one freshness budget (freshness.ts): a snapshot nearing the budget is
// rebuilt by one request at a time (single flight) and a request for one past the budget waits
// for the rebuild, up to `waitMs`. A status change (status-changes.ts) rebuilds it at once. A
// failed rebuild (PostgreSQL down) keeps the last good snapshot, marked stale and retried every
// `retryMs`; without one, the copy on disk made from the same database and configuration;
// without that, a snapshot saying the status is unknown. Never throws. After every build it tells
// `onBuilt` (the front server, through public-cache-bus.ts).
import path from "node:path";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { announceSnapshot } from "@/lib/http/public-cache-bus";
import { log } from "@/lib/log";
import { within } from "@/lib/time/within";
import { buildStatusSnapshot } from "./build-snapshot";
import { statusFreshness, type StatusFreshness } from "./freshness";
import { pageId, pageUrl } from "./page-identity";
import { listenForStatusChanges } from "./status-changes";
import { snapshotEtag, statusEtag } from "./snapshot-etag";
import { fileSnapshotStore, type SnapshotStore } from "./snapshot-file";
import { statusIdentity } from "./status-identity";
import type { ServedSnapshot, StatusSnapshot } from "./status-types";
import { unknownSnapshot } from "./unknown-snapshot";

export { snapshotEtag } from "./snapshot-etag";

export type SnapshotCacheOptions = {
  build: () => Promise<StatusSnapshot>;
  /** The snapshot served when none was ever built or stored. */
  fallback: () => StatusSnapshot;
  store?: SnapshotStore;
  freshness?: Omit<StatusFreshness, "pollMs">;
  /** A rebuild that takes longer counts as failed. */
  buildTimeoutMs?: number;
  clock?: () => number;
  onError?: (error: unknown, firstInARow: boolean) => void;
  /** Told after every successful build. */
  onBuilt?: (built: { statusEtag: string; builtAt: number }) => void;
};

export type SnapshotCache = {
  get(): Promise<ServedSnapshot>;
  /** Rebuilds now, after any rebuild under way (which may have read too early), and waits. */
  refresh(): Promise<void>;
};

type Current = { snapshot: StatusSnapshot; etag: string; builtAt: number };

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`status snapshot build took over ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function createSnapshotCache(options: SnapshotCacheOptions): SnapshotCache {
  const { build, store, buildTimeoutMs = 10_000 } = options;
  const { budgetMs, refreshAheadMs, waitMs, retryMs } = options.freshness ?? statusFreshness;
  const clock = options.clock ?? Date.now;
  let current: Current | null = null;
  let failed = false;
  let attempts = 0;
  let lastAttempt = -Infinity;
  let inflight: Promise<void> | null = null;
  let fallback: Current | null = null;

  async function attempt(): Promise<void> {
    try {
      const snapshot = await withTimeout(build(), buildTimeoutMs);
      const etag = snapshotEtag(snapshot);
      const changed = etag !== current?.etag;
      const builtAt = clock();
      current = { snapshot, etag, builtAt };
      failed = false;
      options.onBuilt?.({ statusEtag: statusEtag(snapshot), builtAt });
      if (changed && store) await store.write(snapshot).catch((e) => options.onError?.(e, false));
    } catch (error) {
      options.onError?.(error, !failed);
      failed = true;
      if (!current && attempts === 0 && store) {
        const stored = await store.read();
        if (stored) {
          const builtAt = Date.parse(stored.generatedAt);
          current = { snapshot: stored, etag: snapshotEtag(stored), builtAt };
        }
      }
    } finally {
      attempts += 1;
    }
  }

  function start(): Promise<void> {
    if (!inflight) {
      lastAttempt = clock();
      inflight = attempt().finally(() => (inflight = null));
    }
    return inflight;
  }

  function serve(): ServedSnapshot {
    if (current) {
      const { snapshot, etag, builtAt } = current;
      return { snapshot, etag, ageMs: Math.max(0, clock() - builtAt), stale: failed };
    }
    if (!fallback) {
      const snapshot = options.fallback();
      fallback = { snapshot, etag: snapshotEtag(snapshot), builtAt: clock() };
    }
    return { snapshot: fallback.snapshot, etag: fallback.etag, ageMs: 0, stale: true };
  }

  return {
    async get() {
      const now = clock();
      const age = current ? now - current.builtAt : Infinity;
      // After a failure, the database is asked again every retryMs, not on every request.
      const due = age >= budgetMs - refreshAheadMs && (!failed || now - lastAttempt >= retryMs);
      if (due) void start();
      // The very first requests wait for the first build; later ones only past the budget.
      if (inflight && attempts === 0) await inflight;
      else if (inflight && age >= budgetMs - refreshAheadMs) await within(inflight, waitMs);
      return serve();
    },
    async refresh() {
      if (inflight) await inflight;
      return start();
    },
  };
}

const globalForStatus = globalThis as unknown as { liftoffStatusCache?: SnapshotCache };

function appCache(): SnapshotCache {
  const cache = createSnapshotCache({
    build: () => buildStatusSnapshot(db(), getConfig()),
    fallback: () => {
      try {
        const config = getConfig();
        return unknownSnapshot({
          id: pageId(config.service.domain),
          name: config.statusPage.name ?? config.service.name,
          url: pageUrl(config.statusPage.url),
          timeZone: config.timezone,
        });
      } catch {
        return unknownSnapshot({ id: "unknown", name: "Status", url: "/status", timeZone: "UTC" });
      }
    },
    store: fileSnapshotStore(
      () => path.resolve(env().LIFTOFF_DATA_DIR, "status-snapshot.json"),
      () => statusIdentity(process.env.DATABASE_URL, getConfig()),
    ),
    onError: (error, firstInARow) => {
      if (firstInARow)
        log.warn({ error: String(error) }, "status snapshot: rebuild failed, serving the last one");
    },
    onBuilt: announceSnapshot,
  });
  const url = process.env.DATABASE_URL;
  if (url) {
    listenForStatusChanges({
      url,
      pollMs: statusFreshness.pollMs,
      onChange: () => void cache.refresh(),
      onState: (listening, error) => {
        if (listening) log.info("status page: listening for status changes");
        else
          log.warn(
            { error: error === undefined ? undefined : String(error) },
            "status page: lost the status-change connection; polling until it is back",
          );
      },
    });
  }
  return cache;
}

/** This process's snapshot cache, which follows the database's status changes. */
export function statusSnapshotCache(): SnapshotCache {
  globalForStatus.liftoffStatusCache ??= appCache();
  return globalForStatus.liftoffStatusCache;
}

/** The snapshot for /status and /api/v2: immediate, never throws. */
export function getServedSnapshot(): Promise<ServedSnapshot> {
  return statusSnapshotCache().get();
}
