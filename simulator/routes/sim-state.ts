import { json, type Route } from "../http";
import { activeOutages, outageEndHour } from "../model/outages";
import { rankAt, scopesOf } from "../model/ranks";
import { hoursSinceLaunch } from "../model/time";
import { processCountersAt, signupsAt, usersAt } from "../model/users";
import { RANK_SOURCES, type Scenario } from "../scenario";

function describeRanks(scenario: Scenario, t: Date) {
  const domain = scenario.service.domain;
  return Object.fromEntries(
    RANK_SOURCES.map((source) => [
      source,
      Object.fromEntries(
        scopesOf(scenario, source).map((scope) => [
          scope,
          rankAt(scenario, domain, source, scope, t),
        ]),
      ),
    ]),
  );
}

export const simStateRoutes: Route[] = [
  {
    pattern: "/__sim/state",
    example: "/__sim/state",
    summary: "debug: simulated time, users, open outage windows, the service's ranks",
    handle: ({ t }, { scenario }) =>
      json({
        at: t.toISOString(),
        hoursSinceLaunch: hoursSinceLaunch(scenario, t),
        users: usersAt(scenario, t),
        signups: signupsAt(scenario, t),
        process: processCountersAt(scenario, t),
        outages: activeOutages(scenario, t).map((outage) => ({
          ...outage,
          endHour: outageEndHour(outage),
        })),
        ranks: describeRanks(scenario, t),
      }),
  },
];
