import type { Scenario } from "./scenario";

/**
 * The scenario with its launch moved to `launchAt`: every hour of the scenario then falls on
 * launchAt + that many hours, and everything the model derives from `launch` (users, outages,
 * process restarts, rank publications) follows. Without launchAt, the scenario as written.
 */
export function anchorScenario(scenario: Scenario, launchAt?: Date): Scenario {
  if (launchAt === undefined) return scenario;
  if (Number.isNaN(launchAt.getTime())) throw new RangeError("launchAt is not a valid date");
  return { ...scenario, launch: new Date(launchAt.getTime()) };
}
