import type { Component, Outage, Scenario } from "../scenario";
import { hashUnit } from "./seeded";
import { atHour, hoursSinceLaunch } from "./time";

const SEVERITY: Record<Outage["mode"], number> = { down: 3, partial: 2, slow: 1 };

export function outageEndHour(outage: Outage): number {
  return outage.startHour + outage.durationMinutes / 60;
}

function isActiveAtHour(outage: Outage, hours: number): boolean {
  return outage.startHour <= hours && hours < outageEndHour(outage);
}

/** Every window open at t, whatever it affects; windows are `[start, end)`. */
export function activeOutages(scenario: Scenario, t: Date): Outage[] {
  const hours = hoursSinceLaunch(scenario, t);
  return scenario.outages.filter((outage) => isActiveAtHour(outage, hours));
}

/** The most severe window affecting the component at t (down > partial > slow), if any. */
export function outageAt(scenario: Scenario, t: Date, component: Component): Outage | undefined {
  return activeOutages(scenario, t)
    .filter((outage) => outage.components.includes(component))
    .sort((a, b) => SEVERITY[b.mode] - SEVERITY[a.mode])[0];
}

export interface RequestEffect {
  fail: boolean;
  /** Wall-clock milliseconds to hold the response; latency is felt by the caller, not simulated. */
  delayMs: number;
}

/**
 * What overlapping windows do to one request. `key` (usually the path) and t decide, by hash,
 * which requests fall in a partial window's failing fraction, so a replay gives the same answers.
 */
export function requestEffectAt(
  scenario: Scenario,
  t: Date,
  component: Component,
  key: string,
): RequestEffect {
  const effect: RequestEffect = { fail: false, delayMs: 0 };
  for (const outage of activeOutages(scenario, t)) {
    if (!outage.components.includes(component)) continue;
    if (outage.mode === "down") effect.fail = true;
    if (outage.mode === "slow") effect.delayMs = Math.max(effect.delayMs, outage.latencyMs);
    if (outage.mode === "partial") {
      const roll = hashUnit(scenario.seed, component, key, t.getTime());
      if (roll < outage.failFraction) effect.fail = true;
    }
  }
  return effect;
}

/** Signups run at this fraction of their normal pace (the lowest factor of any open window). */
export function signupFactorAtHour(scenario: Scenario, hours: number): number {
  return scenario.outages
    .filter((outage) => isActiveAtHour(outage, hours))
    .reduce(
      (factor, outage) =>
        Math.min(factor, outage.signupFactor ?? scenario.users.outageSignupFactor),
      1,
    );
}

/** The app process restarts as each `down` window ends, so its counters start again from 0. */
export function lastRestartAt(scenario: Scenario, t: Date): Date {
  const hours = hoursSinceLaunch(scenario, t);
  const restart = scenario.outages
    .filter((outage) => outage.mode === "down")
    .map(outageEndHour)
    .filter((end) => end <= hours)
    .reduce((latest, end) => Math.max(latest, end), scenario.service.bootHour);
  return atHour(scenario, restart);
}
