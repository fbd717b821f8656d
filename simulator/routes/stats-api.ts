import { json, type Route } from "../http";
import { signupsAt, usersAt } from "../model/users";
import { unavailableJson } from "./unavailable";

export const statsApiRoutes: Route[] = [
  {
    pattern: "/api/stats",
    example: "/api/stats",
    summary: "JSON users total and signups since launch by plan",
    gate: { component: "api", unavailable: unavailableJson },
    handle: ({ t }, { scenario }) =>
      json({
        service: scenario.service.slug,
        at: t.toISOString(),
        users: { total: usersAt(scenario, t) },
        signups: signupsAt(scenario, t),
      }),
  },
];
