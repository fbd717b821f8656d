import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as delay } from "node:timers/promises";
import { anchorScenario } from "./anchor";
import { answerAt, createSimContext } from "./answer";
import { createSimulatedClock } from "./clock";
import type { SimResponse } from "./http";
import { loadScenario, type Scenario } from "./scenario";

export interface SimulatorOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** A parsed scenario; otherwise scenarioPath, otherwise the launch-week file. */
  scenario?: Scenario;
  scenarioPath?: string;
  /** Simulated seconds per wall-clock second. */
  speed?: number;
  /** Where simulated time starts, in hours since launch; not used with launchAt (it starts now). */
  startOffsetHours?: number;
  /**
   * The launch as a real moment, replacing the scenario's own date: scenario hour h falls on
   * launchAt + h hours, and at speed 1 simulated time is the wall clock.
   */
  launchAt?: Date;
  /** Wall clock in epoch milliseconds. */
  now?: () => number;
}

export interface RunningSimulator {
  url: string;
  port: number;
  /** The scenario as served: its launch is launchAt when one was given. */
  scenario: Scenario;
  /** The bearer token its Cloudflare Radar endpoints accept. */
  radarToken: string;
  simulatedNow(): Date;
  close(): Promise<void>;
}

function send(request: IncomingMessage, response: ServerResponse, answer: SimResponse, at: Date) {
  const body = typeof answer.body === "string" ? Buffer.from(answer.body) : answer.body;
  response.writeHead(answer.status, {
    ...answer.headers,
    "content-length": String(body.byteLength),
    "x-simulated-time": at.toISOString(),
  });
  response.end(request.method === "HEAD" ? undefined : body);
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const speed = options.speed ?? 60;
  if (!Number.isFinite(speed) || speed < 0) throw new RangeError(`speed must be ≥ 0, got ${speed}`);
  const scenario = anchorScenario(
    options.scenario ?? (await loadScenario(options.scenarioPath)),
    options.launchAt,
  );
  const simulatedNow = createSimulatedClock(scenario, {
    speed,
    startOffsetHours: options.startOffsetHours,
    now: options.now ?? Date.now,
    launchAt: options.launchAt,
  });
  const context = createSimContext(scenario);
  const closing = new AbortController();

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const t = simulatedNow();
    const url = new URL(request.url ?? "/", "http://simulator.invalid");
    const { answer, delayMs } = answerAt(context, {
      method: request.method ?? "GET",
      url,
      headers: request.headers,
      t,
    });
    if (delayMs > 0) await delay(delayMs, undefined, { signal: closing.signal });
    send(request, response, answer, t);
  }

  const server = createServer((request, response) => {
    serve(request, response).catch((error: unknown) => {
      if (closing.signal.aborted) return void response.destroy();
      console.error("simulator: request failed", error);
      if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain" });
      response.end("Internal Server Error\n");
    });
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${host}:${port}`,
    port,
    scenario,
    radarToken: context.radarToken,
    simulatedNow,
    close: () =>
      new Promise<void>((resolve, reject) => {
        closing.abort();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
