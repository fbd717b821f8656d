import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as delay } from "node:timers/promises";
import { createCache } from "./cache";
import { createSimulatedClock } from "./clock";
import { respond, type SimContext, type SimResponse } from "./http";
import { requestEffectAt } from "./model/outages";
import { matchRoute } from "./routes";
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
  /** Where simulated time starts, in hours since launch. */
  startOffsetHours?: number;
  /** Wall clock in epoch milliseconds. */
  now?: () => number;
}

export interface RunningSimulator {
  url: string;
  port: number;
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
  const scenario = options.scenario ?? (await loadScenario(options.scenarioPath));
  const simulatedNow = createSimulatedClock(scenario, {
    speed,
    startOffsetHours: options.startOffsetHours ?? 0,
    now: options.now ?? Date.now,
  });
  const context: SimContext = {
    scenario,
    cache: createCache(),
    radarToken:
      process.env.SIM_RADAR_TOKEN ?? scenario.sources.cloudflare.token ?? "sim-radar-token",
  };
  const closing = new AbortController();

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const t = simulatedNow();
    const url = new URL(request.url ?? "/", "http://simulator.invalid");
    if (request.method !== "GET" && request.method !== "HEAD") {
      return send(request, response, respond(405, "text/plain", "Method Not Allowed\n"), t);
    }
    const matched = matchRoute(url.pathname);
    if (!matched) return send(request, response, respond(404, "text/plain", "Not Found\n"), t);
    const { route, params } = matched;
    if (route.gate) {
      const effect = requestEffectAt(scenario, t, route.gate.component, url.pathname);
      if (effect.delayMs > 0) await delay(effect.delayMs, undefined, { signal: closing.signal });
      if (effect.fail) return send(request, response, route.gate.unavailable(), t);
    }
    const { headers } = request;
    const answer = route.handle(
      { t, path: url.pathname, params, query: url.searchParams, headers },
      context,
    );
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
