// When a monitor is checked. Each monitor has slots, one per interval, at an offset a hash of its
// key picks, so monitors sharing an interval spread over it rather than all starting on one tick.
// Offsets come in 10 s steps and sit 5 s into a step: check-monitors ticks every 10 s by default,
// each run a little late (its jitter), so a slot lies mid-way between two ticks and a late run can
// neither miss a slot nor catch one twice. Pure.
import { createHash } from "node:crypto";

/** The grain of offsets: the default check-monitors period, and the shortest interval. */
const stepMs = 10_000;
/** Where a slot sits in its step: mid-way between two ticks of the default schedule. */
const slotPhaseMs = stepMs / 2;

export type SlottedMonitor = { key: string; intervalMs: number };

/** The monitor's offset within its interval: the same for the same key and interval. */
export function checkOffsetMs({ key, intervalMs }: SlottedMonitor): number {
  const steps = Math.max(1, Math.floor(intervalMs / stepMs));
  const hash = createHash("sha256").update(key).digest().readUInt32BE(0);
  return (hash % steps) * stepMs + slotPhaseMs;
}

/** The monitor's latest slot at or before `at`. */
export function latestSlot(monitor: SlottedMonitor, at: Date): Date {
  const offset = checkOffsetMs(monitor);
  const { intervalMs } = monitor;
  return new Date(Math.floor((at.getTime() - offset) / intervalMs) * intervalMs + offset);
}

/**
 * Due when no check started since the latest slot, and the last one is at least half an interval
 * old: a check run by hand just before a slot is not followed by another at once. A monitor never
 * checked, or overdue after the worker stopped, is due at once and back on its slots within two
 * checks.
 */
export function isCheckDue(monitor: SlottedMonitor, lastCheckAt: Date | null, now: Date): boolean {
  if (lastCheckAt === null) return true;
  return (
    lastCheckAt < latestSlot(monitor, now) &&
    now.getTime() - lastCheckAt.getTime() >= monitor.intervalMs / 2
  );
}
