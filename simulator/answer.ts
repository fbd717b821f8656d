// One request to the simulator at a simulated moment, answered without a socket: the server
// answers every HTTP request with it, and the demo seed (lib/demo) asks it what the simulator
// said at each moment of a past week.
import type { IncomingHttpHeaders } from "node:http";
import { createCache } from "./cache";
import { respond, type SimContext, type SimResponse } from "./http";
import { requestEffectAt } from "./model/outages";
import { matchRoute } from "./routes";
import type { Scenario } from "./scenario";

export interface SimAnswer {
  answer: SimResponse;
  /** Wall-clock milliseconds the answer is held (a `slow` window); the caller waits them. */
  delayMs: number;
}

/** What answers need besides the request: the scenario, a cache of built lists, Radar's token. */
export function createSimContext(scenario: Scenario): SimContext {
  return {
    scenario,
    cache: createCache(),
    radarToken:
      process.env.SIM_RADAR_TOKEN ?? scenario.sources.cloudflare.token ?? "sim-radar-token",
  };
}

export function answerAt(
  context: SimContext,
  request: { method: string; url: URL; headers: IncomingHttpHeaders; t: Date },
): SimAnswer {
  const { method, url, headers, t } = request;
  if (method !== "GET" && method !== "HEAD") {
    return { answer: respond(405, "text/plain", "Method Not Allowed\n"), delayMs: 0 };
  }
  const matched = matchRoute(url.pathname);
  if (!matched) return { answer: respond(404, "text/plain", "Not Found\n"), delayMs: 0 };
  const { route, params } = matched;
  let delayMs = 0;
  if (route.gate) {
    const effect = requestEffectAt(context.scenario, t, route.gate.component, url.pathname);
    delayMs = effect.delayMs;
    if (effect.fail) return { answer: route.gate.unavailable(), delayMs };
  }
  const answer = route.handle(
    { t, path: url.pathname, params, query: url.searchParams, headers },
    context,
  );
  return { answer, delayMs };
}
