import { afterEach, describe, expect, it } from "vitest";
import { atHour, processCountersAt, usersAt } from "@/simulator/model";
import type { Scenario } from "@/simulator/scenario";
import { launchWeek, startFrozenSimulator, type FrozenSimulator } from "./support";

let simulator: FrozenSimulator | undefined;
afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
});

/** `name{labels} value` samples of a Prometheus text exposition, keyed by name and labels. */
function parseExposition(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})? (\S+)$/.exec(line);
    if (!match) throw new Error(`not an exposition line: ${line}`);
    samples.set(`${match[1]}${match[2] ?? ""}`, Number(match[3]));
  }
  return samples;
}

describe("health", () => {
  it("answers 503 inside a down window and 200 outside it", async () => {
    simulator = await startFrozenSimulator(2.6); // down from hour 2.5 for 60 minutes
    for (const path of ["/health", "/api/health", "/uploads/health", "/api/stats", "/metrics"]) {
      expect((await simulator.get(path)).status, path).toBe(503);
    }
    simulator.setHour(3.6);
    const response = await simulator.get("/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("serves a keyword-less 502 page for the homepage while down", async () => {
    simulator = await startFrozenSimulator(2.6);
    const down = await simulator.get("/");
    expect(down.status).toBe(502);
    const body = await down.text();
    expect(body).toContain("Server overloaded");
    expect(body).not.toContain("Stashbox");
    simulator.setHour(12);
    const up = await simulator.get("/");
    expect(up.status).toBe(200);
    expect(await up.text()).toContain("Stashbox");
  });

  it("holds responses for the configured wall-clock latency in a slow window", async () => {
    const scenario: Scenario = {
      ...launchWeek,
      outages: [
        { startHour: 1, durationMinutes: 60, mode: "slow", latencyMs: 60, components: ["api"] },
      ],
    };
    simulator = await startFrozenSimulator(1.5, scenario);
    const started = performance.now();
    expect((await simulator.get("/api/health")).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    const unaffected = performance.now();
    expect((await simulator.get("/uploads/health")).status).toBe(200);
    expect(performance.now() - unaffected).toBeLessThan(55);
  });

  it("fails the requests the model says fail in a partial window", async () => {
    simulator = await startFrozenSimulator(8); // uploads partially failing from hour 7 to 10
    const statuses = new Set<number>();
    for (let i = 0; i < 40; i++) {
      simulator.setHour(8 + i / 1000);
      statuses.add((await simulator.get("/uploads/health")).status);
    }
    expect([...statuses].sort()).toEqual([200, 503]);
  });
});

describe("signup counters", () => {
  it("serve the same totals as JSON, HTML and Prometheus", async () => {
    simulator = await startFrozenSimulator(48);
    const users = usersAt(launchWeek, atHour(launchWeek, 48));
    const stats = await (await simulator.get("/api/stats")).json();
    expect(stats).toMatchObject({ service: "stashbox", users: { total: users } });
    expect(stats.at).toBe(atHour(launchWeek, 48).toISOString());
    expect(stats.signups.free + stats.signups.pro).toBe(stats.signups.total);

    const page = await (await simulator.get("/stats")).text();
    expect(page).toContain(
      `id="user-count" class="user-count">${users.toLocaleString("en-US")} users<`,
    );

    const metrics = await simulator.get("/metrics");
    expect(metrics.headers.get("content-type")).toContain("version=0.0.4");
    const samples = parseExposition(await metrics.text());
    expect(samples.get("stashbox_users_total")).toBe(users);
  });

  it("expose HELP and TYPE lines, and counters that reset after a down window", async () => {
    simulator = await startFrozenSimulator(19.9); // api down from hour 20 for 35 minutes
    const text = await (await simulator.get("/metrics")).text();
    for (const name of [
      "stashbox_users_total",
      "stashbox_signups_total",
      "stashbox_uploads_total",
    ]) {
      expect(text).toContain(`# HELP ${name} `);
    }
    expect(text).toContain("# TYPE stashbox_signups_total counter");
    expect(text).toContain("# TYPE stashbox_users_total gauge");
    const before = parseExposition(text);

    simulator.setHour(20.6);
    const after = parseExposition(await (await simulator.get("/metrics")).text());
    const free = 'stashbox_signups_total{plan="free"}';
    expect(after.get(free)).toBeLessThan(before.get(free)!);
    expect(after.get(free)).toBe(
      processCountersAt(launchWeek, atHour(launchWeek, 20.6)).signups.free,
    );
    expect(after.get("process_start_time_seconds")).toBe(+atHour(launchWeek, 20 + 35 / 60) / 1000);
    expect(after.get("stashbox_users_total")).toBeGreaterThan(before.get("stashbox_users_total")!);
  });
});
