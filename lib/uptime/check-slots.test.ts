import { describe, expect, it } from "vitest";
import { checkOffsetMs, isCheckDue, latestSlot, type SlottedMonitor } from "./check-slots";

const SECOND = 1_000;
const keys = (n: number) => Array.from({ length: n }, (_, i) => `monitor-${i}`);

/** Ticks of the default schedule (every 10 s) from `from`, each late by a jitter below 1 s. */
function ticks(from: number, count: number): Date[] {
  let seed = 7;
  return Array.from({ length: count }, (_, i) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return new Date(from + i * 10 * SECOND + (seed % 1_000));
  });
}

/** The times a scheduler following isCheckDue starts checks of `monitor`, tick by tick. */
function checksAt(monitor: SlottedMonitor, runs: Date[], last: Date | null = null): Date[] {
  const started: Date[] = [];
  for (const now of runs) {
    if (isCheckDue(monitor, last, now)) {
      started.push(now);
      last = now;
    }
  }
  return started;
}

const gaps = (times: Date[]) => times.slice(1).map((t, i) => t.getTime() - times[i]!.getTime());

describe("checkOffsetMs", () => {
  it("is the same for the same key, inside the interval, 5 s into a 10 s step", () => {
    for (const key of keys(200)) {
      for (const intervalMs of [10, 15, 30, 60, 300].map((s) => s * SECOND)) {
        const offset = checkOffsetMs({ key, intervalMs });
        expect(checkOffsetMs({ key, intervalMs })).toBe(offset);
        expect(offset).toBeLessThan(intervalMs);
        expect(offset % (10 * SECOND)).toBe(5 * SECOND);
      }
    }
  });

  it("spreads 1,000 monitors at 30 s evenly over the three ticks of their interval", () => {
    const perOffset = new Map<number, number>();
    for (const key of keys(1_000)) {
      const offset = checkOffsetMs({ key, intervalMs: 30 * SECOND });
      perOffset.set(offset, (perOffset.get(offset) ?? 0) + 1);
    }
    expect([...perOffset.keys()].sort((a, b) => a - b)).toEqual([5_000, 15_000, 25_000]);
    for (const count of perOffset.values()) expect(Math.abs(count - 333)).toBeLessThan(50);
  });
});

describe("isCheckDue", () => {
  const monitor = { key: "website", intervalMs: 30 * SECOND };
  const slot = latestSlot(monitor, new Date("2025-06-02T12:00:00Z")).getTime();

  it("is due at once when never checked, and due again only after the next slot", () => {
    expect(isCheckDue(monitor, null, new Date(slot - 20 * SECOND))).toBe(true);
    const checked = new Date(slot + 2 * SECOND);
    expect(isCheckDue(monitor, checked, new Date(slot + 29 * SECOND))).toBe(false);
    expect(isCheckDue(monitor, checked, new Date(slot + 30 * SECOND))).toBe(true);
  });

  it("does not check again right after a slot that a check by hand just preceded", () => {
    const byHand = new Date(slot - 2 * SECOND);
    expect(isCheckDue(monitor, byHand, new Date(slot + 5 * SECOND))).toBe(false);
    expect(isCheckDue(monitor, byHand, new Date(slot + 15 * SECOND))).toBe(true);
  });

  it("checks on every tick, a tick late after each slot, whatever each run's jitter", () => {
    const runs = ticks(Date.parse("2025-06-02T00:00:00Z"), 360);
    for (const key of keys(50)) {
      for (const seconds of [10, 20, 30, 60]) {
        const every = { key, intervalMs: seconds * SECOND };
        const started = checksAt(every, runs);
        // After catching up, once per interval to the end: no slot missed, none caught twice.
        expect(started[1]!.getTime() - started[0]!.getTime()).toBeLessThan(
          every.intervalMs + 10 * SECOND,
        );
        expect(runs.at(-1)!.getTime() - started.at(-1)!.getTime()).toBeLessThan(every.intervalMs);
        for (const gap of gaps(started.slice(2))) {
          expect(Math.abs(gap - every.intervalMs)).toBeLessThan(SECOND);
        }
        for (const at of started.slice(2)) {
          const sinceSlot = at.getTime() - latestSlot(every, at).getTime();
          expect(sinceSlot).toBeGreaterThanOrEqual(5 * SECOND);
          expect(sinceSlot).toBeLessThan(6 * SECOND);
        }
      }
    }
  });

  it("starts a third of 1,000 monitors at 30 s on each tick, not all of them on one", () => {
    const runs = ticks(Date.parse("2025-06-02T00:00:00Z"), 30);
    const last = new Map<string, Date | null>(keys(1_000).map((key) => [key, null]));
    const perTick = runs.map((now) => {
      let started = 0;
      for (const [key, at] of last) {
        if (isCheckDue({ key, intervalMs: 30 * SECOND }, at, now)) {
          last.set(key, now);
          started += 1;
        }
      }
      return started;
    });
    // The first run catches every monitor up; from then on a third of them on each tick.
    expect(perTick[0]).toBe(1_000);
    for (const started of perTick.slice(3)) expect(Math.abs(started - 333)).toBeLessThan(50);
  });

  it("after a stop checks at once, then falls back onto the monitor's slots", () => {
    const stoppedAt = new Date(slot - 3_600 * SECOND);
    const runs = ticks(slot + 12 * SECOND, 12);
    const started = checksAt(monitor, runs, stoppedAt);
    expect(started[0]).toEqual(runs[0]);
    for (const at of started.slice(2)) {
      expect(at.getTime() - latestSlot(monitor, at).getTime()).toBeLessThan(6 * SECOND);
    }
  });
});
