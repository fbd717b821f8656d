// When a job's schedule fired during the seeded week. Schedules Liftoff uses repeat at a fixed
// period ("every 15 s", "hourly at :07"), so two of node-cron's next runs give the period and the
// phase; every tick in [from, to] follows.
import cron from "node-cron";
import type { JobSettings } from "@/lib/config";

export type Cadence = { periodMs: number; phaseMs: number };

export function cadenceOf(schedule: string, timezone: string): Cadence {
  const task = cron.createTask(schedule, () => undefined, { timezone });
  try {
    const [first, second] = task.getNextRuns(2);
    if (!first || !second) throw new Error(`schedule "${schedule}" does not repeat`);
    const periodMs = second.getTime() - first.getTime();
    return { periodMs, phaseMs: ((first.getTime() % periodMs) + periodMs) % periodMs };
  } finally {
    void task.destroy();
  }
}

/** Every tick of the cadence in [from, to], oldest first. */
export function ticksBetween(cadence: Cadence, from: Date, to: Date): Date[] {
  const { periodMs, phaseMs } = cadence;
  const first = Math.ceil((from.getTime() - phaseMs) / periodMs) * periodMs + phaseMs;
  const ticks: Date[] = [];
  for (let at = first; at <= to.getTime(); at += periodMs) ticks.push(new Date(at));
  return ticks;
}

/** The job's ticks in [from, to], or none when it is disabled. */
export function jobTicks(settings: JobSettings, timezone: string, from: Date, to: Date): Date[] {
  if (!settings.enabled) return [];
  return ticksBetween(cadenceOf(settings.schedule, timezone), from, to);
}
