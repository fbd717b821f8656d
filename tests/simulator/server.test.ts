import { spawn } from "node:child_process";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { atHour, HOUR_MS, rankAt, usersAt } from "@/simulator/model";
import { routes } from "@/simulator/routes";
import { startSimulator } from "@/simulator/server";
import { launchWeek, startFrozenSimulator } from "./support";

beforeAll(() => vi.stubEnv("SIM_RADAR_TOKEN", undefined));
afterAll(() => vi.unstubAllEnvs());

describe("simulator server", () => {
  it("answers every listed endpoint outside outage windows", async () => {
    const simulator = await startFrozenSimulator(140);
    try {
      for (const route of routes) {
        const response = await simulator.get(route.example, {
          headers: { authorization: "Bearer sim-radar-token" },
        });
        expect(response.status, route.example).toBe(200);
        expect(response.headers.get("x-simulated-time")).toBe(
          atHour(launchWeek, 140).toISOString(),
        );
      }
    } finally {
      await simulator.close();
    }
  });

  it("answers 404 to unknown paths, 405 to other methods, and HEAD without a body", async () => {
    const simulator = await startFrozenSimulator(12);
    try {
      expect((await simulator.get("/nope")).status).toBe(404);
      expect((await simulator.get("/tranco/api/ranks/domain/")).status).toBe(404);
      expect((await simulator.get("/health", { method: "POST" })).status).toBe(405);
      const head = await simulator.get("/stats", { method: "HEAD" });
      expect(head.status).toBe(200);
      expect(await head.text()).toBe("");
    } finally {
      await simulator.close();
    }
  });

  it("reports its state for debugging", async () => {
    const simulator = await startFrozenSimulator(2.6);
    try {
      const state = await (await simulator.get("/__sim/state")).json();
      expect(state.at).toBe(atHour(launchWeek, 2.6).toISOString());
      expect(state.hoursSinceLaunch).toBeCloseTo(2.6);
      expect(state.users).toBe(usersAt(launchWeek, atHour(launchWeek, 2.6)));
      expect(state.outages).toEqual([expect.objectContaining({ mode: "down", startHour: 2.5 })]);
      expect(state.ranks.alexa.global).toBe(
        rankAt(launchWeek, "stashbox.test", "alexa", "global", atHour(launchWeek, 2.6)),
      );
    } finally {
      await simulator.close();
    }
  });

  it("runs simulated time at the configured speed from the start offset", async () => {
    let wall = 1_000_000;
    const simulator = await startSimulator({
      port: 0,
      scenario: launchWeek,
      speed: 60,
      startOffsetHours: 24,
      now: () => wall,
    });
    try {
      expect(simulator.simulatedNow()).toEqual(atHour(launchWeek, 24));
      wall += 60_000; // one real minute is one simulated hour
      expect(simulator.simulatedNow()).toEqual(atHour(launchWeek, 25));
      expect(+simulator.simulatedNow() - +launchWeek.launch).toBe(25 * HOUR_MS);
    } finally {
      await simulator.close();
    }
    await expect(fetch(`${simulator.url}/health`)).rejects.toThrow();
  });

  it("starts from the command line and stops cleanly on SIGTERM", async () => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "simulator/main.ts", "--port", "0", "--speed", "3600"],
      { cwd: process.cwd(), stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    child.stdout.setEncoding("utf8");
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (chunk: string) => {
        output += chunk;
        const match = /listening on (http:\/\/\S+)/.exec(output);
        if (match && output.includes("/__sim/state")) resolve(match[1]!);
      });
      child.once("exit", (code) => reject(new Error(`exited ${code}: ${output}`)));
    });
    expect(output).toContain(`${url}/tranco/top-1m.csv.zip`);
    expect((await fetch(`${url}/health`)).status).toBe(200);
    child.kill("SIGTERM");
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
  });
});
