import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import snapshotJson from "@/tests/fixtures/status/snapshot.json";
import { createSnapshotCache, type SnapshotCacheOptions, snapshotEtag } from "./snapshot-cache";
import { statusEtag } from "./snapshot-etag";
import { fileSnapshotStore } from "./snapshot-file";
import type { StatusSnapshot } from "./status-types";
import { unknownSnapshot } from "./unknown-snapshot";

const base = snapshotJson as StatusSnapshot;
const page = { id: "p", name: "Stashbox", url: "https://status.stashbox.test", timeZone: "UTC" };
const folder = mkdtempSync(path.join(os.tmpdir(), "liftoff-snapshot-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A builder whose answers the test controls, and a clock it moves. */
function setup(options: Partial<SnapshotCacheOptions> & { checksPerChange?: number } = {}) {
  let time = 1_000_000;
  let version = 0;
  let failing = false;
  let pending: (() => void) | null = null;
  let gated = false;
  const builds = { count: 0 };
  // Every build sees new checks; the page's name (its status) changes every `checksPerChange`.
  const checksPerChange = options.checksPerChange ?? 1;
  const cache = createSnapshotCache({
    build: async () => {
      builds.count += 1;
      if (gated) await new Promise<void>((resolve) => (pending = resolve));
      if (failing) throw new Error("connect ECONNREFUSED 127.0.0.1:5432");
      version += 1;
      return {
        ...base,
        generatedAt: new Date(time).toISOString(),
        page: { ...base.page, name: `v${Math.ceil(version / checksPerChange)}` },
        lastHour: { successRate: 1 - version / 1000, checks: version },
      };
    },
    fallback: () => unknownSnapshot(page, new Date(time)),
    clock: () => time,
    freshness: { budgetMs: 10_000, refreshAheadMs: 3_000, waitMs: 50, retryMs: 5_000 },
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
  it("builds on the first request and serves from memory well within the budget", async () => {
    const { cache, builds, advance } = setup();
    const first = await cache.get();
    expect(first).toMatchObject({ stale: false, ageMs: 0 });
    expect(first.snapshot.page.name).toBe("v1");
    advance(6_000);
    expect((await cache.get()).ageMs).toBe(6_000);
    expect(builds.count).toBe(1);
  });

  it("renews a snapshot nearing the budget, so nobody is given one past it", async () => {
    const { cache, builds, advance } = setup();
    await cache.get();
    advance(8_000);
    const renewed = await cache.get();
    expect(renewed).toMatchObject({ ageMs: 0, stale: false });
    expect(renewed.snapshot.page.name).toBe("v2");
    expect(builds.count).toBe(2);
  });

  it("after an idle spell, the first request waits for a new snapshot, not the old one", async () => {
    const { cache, advance } = setup();
    await cache.get();
    advance(600_000);
    const served = await cache.get();
    expect(served.snapshot.page.name).toBe("v2");
    expect(served.ageMs).toBe(0);
  });

  it("rebuilds once for a crowd; a rebuild that is slow gives them the current one, aged", async () => {
    const { cache, builds, advance, gate, release } = setup();
    await cache.get();
    advance(11_000);
    gate(true);
    const answers = await Promise.all([cache.get(), cache.get(), cache.get()]);
    expect(answers.map((a) => [a.snapshot.page.name, a.ageMs])).toEqual([
      ["v1", 11_000],
      ["v1", 11_000],
      ["v1", 11_000],
    ]);
    expect(builds.count).toBe(2);
    gate(false);
    release();
    // A refresh waits for the rebuild under way (it may have read too early), then reads again.
    await cache.refresh();
    expect((await cache.get()).snapshot.page.name).toBe("v3");
  });

  it("keeps serving the last good snapshot, marked stale, and asks again only every retryMs", async () => {
    const errors: boolean[] = [];
    const { cache, advance, fail, builds } = setup({ onError: (_, first) => errors.push(first) });
    const good = await cache.get();
    fail(true);
    advance(11_000);
    const served = await cache.get();
    expect(served).toMatchObject({ stale: true, ageMs: 11_000, etag: good.etag });
    expect(served.snapshot).toBe(good.snapshot);
    advance(1_000);
    await cache.get();
    expect(builds.count).toBe(2);
    advance(5_000);
    await cache.get();
    expect(builds.count).toBe(3);
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
    // Later requests before the retry is due do not wait for (or start) another attempt.
    await cache.get();
    expect(builds.count).toBe(1);
  });

  it("gives up on a rebuild that hangs", async () => {
    const { cache, gate } = setup({ buildTimeoutMs: 50 });
    gate(true);
    expect((await cache.get()).stale).toBe(true);
  });

  it("announces each build, with a validator that moves only when the status does", async () => {
    const built: { statusEtag: string; builtAt: number }[] = [];
    const { cache, advance } = setup({ checksPerChange: 2, onBuilt: (b) => built.push(b) });
    await cache.get();
    advance(11_000);
    await cache.get(); // new checks, same status
    advance(11_000);
    await cache.get(); // the status changed
    expect(built.map((b) => b.builtAt)).toEqual([1_000_000, 1_011_000, 1_022_000]);
    expect(built[1]!.statusEtag).toBe(built[0]!.statusEtag);
    expect(built[2]!.statusEtag).not.toBe(built[1]!.statusEtag);
  });

  it("keeps the last good snapshot on disk for a restart, for the same database and configuration only", async () => {
    const file = path.join(folder, "status-snapshot.json");
    const store = fileSnapshotStore(file, "db-a config-1");
    const before = setup({ store });
    const good = await before.cache.get();
    const after = setup({ store });
    after.fail(true);
    const served = await after.cache.get();
    expect(served).toMatchObject({ stale: true, etag: good.etag });
    expect(served.snapshot).toEqual(good.snapshot);
    for (const other of ["db-b config-1", "db-a config-2"]) {
      const elsewhere = setup({ store: fileSnapshotStore(file, other) });
      elsewhere.fail(true);
      expect((await elsewhere.cache.get()).snapshot.status.description).toBe("Status Unknown");
    }
    expect(await fileSnapshotStore(path.join(folder, "missing.json"), "x").read()).toBeNull();
  });

  it("tags content, not the moment it was built", () => {
    const later = { ...base, generatedAt: "2026-01-20T11:15:10.000Z" };
    expect(snapshotEtag(later)).toBe(snapshotEtag(base));
    expect(snapshotEtag({ ...base, status: { indicator: "none", description: "x" } })).not.toBe(
      snapshotEtag(base),
    );
    expect(snapshotEtag(base)).toMatch(/^"[\w-]{32}"$/);
    const checked = { ...base, lastHour: { successRate: 0.5, checks: 9 }, responseTimes: [] };
    expect(statusEtag(checked)).toBe(statusEtag(base));
    expect(snapshotEtag(checked)).not.toBe(snapshotEtag(base));
  });
});
