import type { Scenario } from "./scenario";
import { HOUR_MS } from "./model/time";

export interface ClockOptions {
  speed: number;
  startOffsetHours: number;
  /** Wall clock in epoch milliseconds; injectable so tests can stop time. */
  now: () => number;
}

/** Simulated time = launch + start offset + wall time since start × speed. */
export function createSimulatedClock(scenario: Scenario, options: ClockOptions): () => Date {
  const startedAt = options.now();
  const origin = scenario.launch.getTime() + options.startOffsetHours * HOUR_MS;
  return () => new Date(origin + (options.now() - startedAt) * options.speed);
}
