import { HOUR_MS } from "@/simulator/model";
import { loadScenario, type Scenario } from "@/simulator/scenario";
import { startSimulator, type RunningSimulator } from "@/simulator/server";

export interface FrozenSimulator extends RunningSimulator {
  /** Moves simulated time to this many hours after launch; it stays there until moved again. */
  setHour(hours: number): void;
  get(path: string, init?: RequestInit): Promise<Response>;
}

/** A simulator on a random port whose clock only moves when the test moves it. */
export async function startFrozenSimulator(
  hours: number,
  scenario?: Scenario,
): Promise<FrozenSimulator> {
  let wallMs = 0;
  const simulator = await startSimulator({
    port: 0,
    scenario: scenario ?? (await loadScenario()),
    startOffsetHours: hours,
    speed: 1,
    now: () => wallMs,
  });
  return Object.assign(simulator, {
    setHour: (target: number) => {
      wallMs = (target - hours) * HOUR_MS;
    },
    get: (path: string, init?: RequestInit) => fetch(`${simulator.url}${path}`, init),
  });
}

export const launchWeek = await loadScenario();
