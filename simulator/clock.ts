import type { Scenario } from "./scenario";
import { HOUR_MS } from "./model/time";

export interface ClockOptions {
  speed: number;
  /** Hours since launch at start. Not used with launchAt, where the start is the wall clock. */
  startOffsetHours?: number;
  /** Wall clock in epoch milliseconds; injectable so tests can stop time. */
  now: () => number;
  /** The launch as a real moment: simulated time starts at the wall clock, not at an offset. */
  launchAt?: Date;
}

/**
 * Simulated time = launch + start offset + wall time since start × speed. With launchAt (the
 * scenario anchored to it: anchor.ts) simulated time starts at the wall clock, so at speed 1 it
 * is the wall clock and scenario hour h falls on launchAt + h hours.
 */
export function createSimulatedClock(scenario: Scenario, options: ClockOptions): () => Date {
  const startedAt = options.now();
  const origin =
    options.launchAt !== undefined
      ? startedAt
      : scenario.launch.getTime() + (options.startOffsetHours ?? 0) * HOUR_MS;
  return () => new Date(origin + (options.now() - startedAt) * options.speed);
}
