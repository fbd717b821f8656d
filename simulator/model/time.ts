import type { Scenario } from "../scenario";

export const HOUR_MS = 3_600_000;

export function hoursSinceLaunch(scenario: Scenario, t: Date): number {
  return (t.getTime() - scenario.launch.getTime()) / HOUR_MS;
}

export function atHour(scenario: Scenario, hours: number): Date {
  return new Date(scenario.launch.getTime() + hours * HOUR_MS);
}

export function formatDay(t: Date): string {
  return t.toISOString().slice(0, 10);
}
