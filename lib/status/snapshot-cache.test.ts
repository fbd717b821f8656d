import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import snapshotJson from "@/tests/fixtures/status/snapshot.json";
import { createSnapshotCache, type SnapshotCacheOptions, snapshotEtag } from "./snapshot-cache";
import { fileSnapshotStore } from "./snapshot-file";
import type { StatusSnapshot } from "./status-types";
import { unknownSnapshot } from "./unknown-snapshot";

const base = snapshotJson as StatusSnapshot;
const page = { id: "p", name: "Stashbox", url: "https://status.stashbox.test", timeZone: "UTC" };
const folder = mkdtempSync(path.join(os.tmpdir(), "liftoff-snapshot-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A builder whose answers the test controls, and a clock it moves. */
function setup(options: Partial<SnapshotCacheOptions> = {}) {
  let time = 1_000_000;
  let version = 0;
  let failing = false;
  let pending: (() => void) | null = null;
  let gated = false;
  const builds = { count: 0 };
  const cache = createSnapshotCache({
    build: async () => {
      builds.count += 1;
      if (gated) await new Promise<void>((resolve) => (pending = resolve));
      if (failing) throw new Error("connect ECONNREFUSED 127.0.0.1:5432");
      version += 1;
      return {
        ...base,
        generatedAt: new Date(time).toISOString(),
        page: { ...base.page, name: `v${version}` },
      };
    },
    fallback: () => unknownSnapshot(page, new Date(time)),
    clock: () => time,
    ...options,
  });
  return {
    cache,
    builds,
    advance: (ms: number) => (time += ms),
    fail: (value: boolean) => (failing = value),
    gate: (value: boolean) => (gated = value),
    release: () => pending?.(),
  };
}

describe("the snapshot cache", () => {
  it("builds on the first request and serves from memory until the snapshot is 10 s old", async () => {
    const { cache, builds, advance } = setup();
    const first = await cache.get();
    expect(first).toMatchObject({ stale: false, ageMs: 0 });
    expect(first.snapshot.page.name).toBe("v1");
    advance(9_000);
    expect((await cache.get()).ageMs).toBe(9_000);
    expect(builds.count).toBe(1);
  });

  it("rebuilds once for many requests, which get the current snapshot meanwhile", async () => {
    const { cache, builds, advance, gate, release } = setup();
    await cache.get();
    advance(11_000);
    gate(true);
    const answers = await Promise.all([cache.get(), cache.get(), cache.get()]);
    expect(answers.map((a) => a.snapshot.page.name)).toEqual(["v1", "v1", "v1"]);
    expect(builds.count).toBe(2);
    release();
    await cache.refresh();
    expect((await cache.get()).snapshot.page.name).toBe("v2");
  });

  it("keeps serving the last good snapshot, marked stale, while rebuilds fail", async () => {
    const errors: boolean[] = [];
    const { cache, advance, fail } = setup({ onError: (_, first) => errors.push(first) });
    const good = await cache.get();
    fail(true);
    advance(11_000);
    await cache.refresh();
    const served = await cache.get();
    expect(served).toMatchObject({ stale: true, ageMs: 11_000, etag: good.etag });
    expect(served.snapshot).toBe(good.snapshot);
    advance(11_000);
    await cache.refresh();
    expect(errors).toEqual([true, false]);
    fail(false);
    await cache.refresh();
    expect(await cache.get()).toMatchObject({ stale: false, ageMs: 0 });
  });

  it("says the status is unknown when it never had a snapshot, without throwing", async () => {
    const { cache, fail, builds } = setup();
    fail(true);
    const served = await cache.get();
    expect(served.stale).toBe(true);
    expect(served.snapshot.status).toEqual({ indicator: "minor", description: "Status Unknown" });
    expect(served.snapshot.components).toEqual([]);
    // Later requests within 10 s do not wait for (or start) another attempt.
    await cache.get();
    expect(builds.count).toBe(1);
  });

  it("gives up on a rebuild that hangs", async () => {
    const { cache, gate } = setup({ buildTimeoutMs: 50 });
    gate(true);
    expect((await cache.get()).stale).toBe(true);
  });

  it("keeps the last good snapshot on disk for a restart while the database is down", async () => {
    const store = fileSnapshotStore(path.join(folder, "status-snapshot.json"));
    const before = setup({ store });
    const good = await before.cache.get();
    const after = setup({ store });
    after.fail(true);
    const served = await after.cache.get();
    expect(served).toMatchObject({ stale: true, etag: good.etag });
    expect(served.snapshot).toEqual(good.snapshot);
    expect(await fileSnapshotStore(path.join(folder, "missing.json")).read()).toBeNull();
  });

  it("tags content, not the moment it was built", () => {
    const later = { ...base, generatedAt: "2026-01-20T11:15:10.000Z" };
    expect(snapshotEtag(later)).toBe(snapshotEtag(base));
    expect(snapshotEtag({ ...base, status: { indicator: "none", description: "x" } })).not.toBe(
      snapshotEtag(base),
    );
    expect(snapshotEtag(base)).toMatch(/^"[\w-]{32}"$/);
  });
});
