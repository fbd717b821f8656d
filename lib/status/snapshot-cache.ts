// The status snapshot in memory: what /status and /api/v2 read, so no visitor ever causes a query.
// Rebuilt at most every 10 s, by one request at a time (single flight) while the others get the
// current one at once (stale while revalidate). A failed rebuild (PostgreSQL down) keeps the last
// good snapshot, marked stale; without one, the copy on disk; without that, a snapshot saying the
// status is unknown. Never throws.
import { createHash } from "node:crypto";
import path from "node:path";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { buildStatusSnapshot } from "./build-snapshot";
import { pageId, pageUrl } from "./page-identity";
import { fileSnapshotStore, type SnapshotStore } from "./snapshot-file";
import type { ServedSnapshot, StatusSnapshot } from "./status-types";
import { unknownSnapshot } from "./unknown-snapshot";

export type SnapshotCacheOptions = {
  build: () => Promise<StatusSnapshot>;
  /** The snapshot served when none was ever built or stored. */
  fallback: () => StatusSnapshot;
  store?: SnapshotStore;
  /** A snapshot older than this is rebuilt on the next request. */
  maxAgeMs?: number;
  /** A rebuild that takes longer counts as failed. */
  buildTimeoutMs?: number;
  clock?: () => number;
  onError?: (error: unknown, firstInARow: boolean) => void;
};

export type SnapshotCache = {
  get(): Promise<ServedSnapshot>;
  /** Rebuilds now, after any rebuild under way (which may have read too early), and waits. */
  refresh(): Promise<void>;
};

/**
 * A strong validator of the snapshot's content. `generatedAt` is left out: a rebuild that finds
 * nothing new keeps the ETag, and every body served from a snapshot leaves it out too.
 */
export function snapshotEtag(snapshot: StatusSnapshot): string {
  const content = JSON.stringify({ ...snapshot, generatedAt: null });
  return `"${createHash("sha256").update(content).digest("base64url").slice(0, 32)}"`;
}

type Current = { snapshot: StatusSnapshot; etag: string; builtAt: number };

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`status snapshot build took over ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function createSnapshotCache(options: SnapshotCacheOptions): SnapshotCache {
  const { build, store, maxAgeMs = 10_000, buildTimeoutMs = 20_000 } = options;
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
      current = { snapshot, etag, builtAt: clock() };
      failed = false;
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
      if (clock() - lastAttempt >= maxAgeMs) void start();
      // The very first requests wait for the first build; after that nobody waits.
      if (attempts === 0 && inflight) await inflight;
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
  return createSnapshotCache({
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
    store: fileSnapshotStore(() => path.resolve(env().LIFTOFF_DATA_DIR, "status-snapshot.json")),
    onError: (error, firstInARow) => {
      if (firstInARow)
        log.warn({ error: String(error) }, "status snapshot: rebuild failed, serving the last one");
    },
  });
}

/** This process's snapshot cache. */
export function statusSnapshotCache(): SnapshotCache {
  globalForStatus.liftoffStatusCache ??= appCache();
  return globalForStatus.liftoffStatusCache;
}

/** The snapshot for /status and /api/v2: immediate, never throws. */
export function getServedSnapshot(): Promise<ServedSnapshot> {
  return statusSnapshotCache().get();
}
