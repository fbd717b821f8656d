import type { Scenario } from "../scenario";
import { interpolateLog } from "./curve";
import { lastRestartAt, outageEndHour, signupFactorAtHour } from "./outages";
import { hoursSinceLaunch } from "./time";

export interface SignupCounts {
  total: number;
  free: number;
  pro: number;
}

export interface ProcessCounters {
  startedAt: Date;
  signups: SignupCounts;
  uploads: number;
}

/**
 * Registered users at t. The control points give the pace of signups; inside outage windows the
 * pace drops to the window's signup factor and those signups are lost for good, so the total ends
 * below the points by what the outages cost.
 */
export function usersAt(scenario: Scenario, t: Date): number {
  const { points } = scenario.users;
  const curve = (hours: number) => interpolateLog(points, hours);
  const hours = hoursSinceLaunch(scenario, t);
  const start = points[0]![0];
  const boundaries = scenario.outages
    .flatMap((outage) => [outage.startHour, outageEndHour(outage)])
    .filter((boundary) => boundary > start && boundary < hours)
    .sort((a, b) => a - b);

  let total = curve(start);
  let previous = start;
  for (const boundary of [...boundaries, hours]) {
    if (boundary <= previous) continue;
    const factor = signupFactorAtHour(scenario, (previous + boundary) / 2);
    total += factor * (curve(boundary) - curve(previous));
    previous = boundary;
  }
  return Math.floor(total);
}

function splitByPlan(scenario: Scenario, total: number): SignupCounts {
  const pro = Math.floor(total * scenario.users.proShare);
  return { total, free: total - pro, pro };
}

/** Signups since launch (users before launch were the private beta). */
export function signupsAt(scenario: Scenario, t: Date): SignupCounts {
  const total = Math.max(0, usersAt(scenario, t) - usersAt(scenario, scenario.launch));
  return splitByPlan(scenario, total);
}

/** The app process's own counters: they count from its last (re)start, as Prometheus counters do. */
export function processCountersAt(scenario: Scenario, t: Date): ProcessCounters {
  const startedAt = lastRestartAt(scenario, t);
  const total = Math.max(0, usersAt(scenario, t) - usersAt(scenario, startedAt));
  return {
    startedAt,
    signups: splitByPlan(scenario, total),
    uploads: Math.floor(total * scenario.users.uploadsPerSignup),
  };
}
