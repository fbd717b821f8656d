// The launch simulator asked in-process, at any moment of the seeded week: the same routes, gates
// and model as the running simulator (simulator/answer.ts), so what the seed stores is what
// Liftoff would have read from it then. Only URLs on the simulator's port are its own.
import type { LoadedConfig } from "@/lib/config";
import { answerAt, createSimContext, type SimAnswer } from "@/simulator/answer";
import { requestEffectAt } from "@/simulator/model/outages";
import { matchRoute } from "@/simulator/routes";
import type { Scenario } from "@/simulator/scenario";

export type DemoSimulator = {
  /** The scenario anchored to the launch moment. */
  scenario: Scenario;
  /** The bearer token its Radar answers to. */
  radarToken: string;
  /** Whether Liftoff would reach the simulator at this URL. */
  serves(url: string): boolean;
  /** The simulator's answer to a GET of `url` at `t`. */
  ask(url: string, t: Date, headers?: Record<string, string>): SimAnswer;
  /** Whether a GET of `url` at `t` fails by an outage window (the answer is not built). */
  fails(url: string, t: Date): boolean;
};

export function createDemoSimulator(scenario: Scenario, config: LoadedConfig): DemoSimulator {
  const port = String(config.simulator?.port ?? 4100);
  const context = createSimContext(scenario);
  return {
    scenario,
    radarToken: context.radarToken,
    serves(url) {
      if (!URL.canParse(url)) return false;
      const parsed = new URL(url.replaceAll("{domain}", scenario.service.domain));
      return parsed.port === port && matchRoute(parsed.pathname) !== undefined;
    },
    ask(url, t, headers = {}) {
      return answerAt(context, { method: "GET", url: new URL(url), headers, t });
    },
    fails(url, t) {
      const { pathname } = new URL(url);
      const gate = matchRoute(pathname)?.route.gate;
      return gate !== undefined && requestEffectAt(scenario, t, gate.component, pathname).fail;
    },
  };
}

/** An answer's body as text. */
export function bodyText(answer: SimAnswer): string {
  const { body } = answer.answer;
  return typeof body === "string" ? body : Buffer.from(body).toString("utf8");
}
