import { respond, type Route } from "../http";
import { processCountersAt, usersAt } from "../model/users";
import type { Scenario } from "../scenario";
import { unavailableText } from "./unavailable";

interface Family {
  name: string;
  help: string;
  type: "gauge" | "counter";
  samples: [labels: string, value: number][];
}

/** Prometheus text exposition format 0.0.4. */
function renderExposition(families: Family[]): string {
  return families
    .map(({ name, help, type, samples }) =>
      [
        `# HELP ${name} ${help}`,
        `# TYPE ${name} ${type}`,
        ...samples.map(([labels, value]) => `${name}${labels} ${value}`),
      ].join("\n"),
    )
    .join("\n")
    .concat("\n");
}

function describeMetrics(scenario: Scenario, t: Date): Family[] {
  const prefix = scenario.service.slug;
  const counters = processCountersAt(scenario, t);
  return [
    {
      name: `${prefix}_users_total`,
      help: "Registered users.",
      type: "gauge",
      samples: [["", usersAt(scenario, t)]],
    },
    {
      name: `${prefix}_signups_total`,
      help: "Signups handled by this process since it started.",
      type: "counter",
      samples: [
        ['{plan="free"}', counters.signups.free],
        ['{plan="pro"}', counters.signups.pro],
      ],
    },
    {
      name: `${prefix}_uploads_total`,
      help: "Uploads handled by this process since it started.",
      type: "counter",
      samples: [["", counters.uploads]],
    },
    {
      name: "process_start_time_seconds",
      help: "Start time of the process since unix epoch in seconds.",
      type: "gauge",
      samples: [["", counters.startedAt.getTime() / 1000]],
    },
  ];
}

export const metricsRoutes: Route[] = [
  {
    pattern: "/metrics",
    example: "/metrics",
    summary: "Prometheus text; counters reset when the process restarts after a down window",
    gate: { component: "api", unavailable: unavailableText },
    handle: ({ t }, { scenario }) =>
      respond(
        200,
        "text/plain; version=0.0.4; charset=utf-8",
        renderExposition(describeMetrics(scenario, t)),
      ),
  },
];
