// The simulator anchored to a real launch moment: simulated time is the wall clock at speed 1,
// scenario hour h is launchAt + h hours, and what the model dates absolutely follows the anchor
// (the process's start at bootHour, lists published on real UTC days). Without launchAt the
// scenario's own dates stand (tests/simulator covers those).
import { afterEach, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "@/simulator/server";

const HOUR_MS = 3_600_000;
let simulator: RunningSimulator | undefined;

afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
});

describe("startSimulator with launchAt", () => {
  it("runs on the wall clock, hour h of the scenario at launchAt + h hours", async () => {
    const wall = Date.UTC(2026, 11, 2, 15, 30);
    const launchAt = new Date(wall - 2 * HOUR_MS);
    simulator = await startSimulator({ port: 0, speed: 1, launchAt, now: () => wall });
    expect(simulator.simulatedNow().getTime()).toBe(wall);
    expect(simulator.scenario.launch).toEqual(launchAt);
    const state = (await (await fetch(`${simulator.url}/__sim/state`)).json()) as {
      hoursSinceLaunch: number;
      process: { startedAt: string };
    };
    expect(state.hoursSinceLaunch).toBe(2);
    // bootHour -6: the app process started six hours before the launch, and no down window yet.
    expect(new Date(state.process.startedAt)).toEqual(new Date(launchAt.getTime() - 6 * HOUR_MS));
    const list = await fetch(`${simulator.url}/crux/current.csv`);
    expect(new Date(list.headers.get("last-modified")!)).toEqual(new Date(Date.UTC(2026, 11, 2)));
    await list.arrayBuffer();
  });

  it("moves the scripted outages with the launch", async () => {
    const launchAt = new Date(Date.UTC(2026, 11, 1, 9));
    // The first down window opens at hour 2.5 for an hour: 11:30 to 12:30 on this launch.
    const wall = launchAt.getTime() + 3 * HOUR_MS;
    simulator = await startSimulator({ port: 0, speed: 1, launchAt, now: () => wall });
    expect((await fetch(`${simulator.url}/api/stats`)).status).toBe(503);
  });
});
