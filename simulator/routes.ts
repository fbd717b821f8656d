import type { Route } from "./http";
import { alexaDataRoutes } from "./routes/alexa-data";
import { alexaSiteinfoRoutes } from "./routes/alexa-siteinfo";
import { cruxRoutes } from "./routes/crux";
import { healthRoutes } from "./routes/health";
import { majesticRoutes } from "./routes/majestic";
import { metricsRoutes } from "./routes/metrics";
import { radarRoutes } from "./routes/radar";
import { servicePageRoutes } from "./routes/service-pages";
import { simStateRoutes } from "./routes/sim-state";
import { statsApiRoutes } from "./routes/stats-api";
import { trancoRoutes } from "./routes/tranco";
import { umbrellaRoutes } from "./routes/umbrella";

export const routes: Route[] = [
  ...servicePageRoutes,
  ...healthRoutes,
  ...statsApiRoutes,
  ...metricsRoutes,
  ...trancoRoutes,
  ...radarRoutes,
  ...majesticRoutes,
  ...umbrellaRoutes,
  ...cruxRoutes,
  ...alexaSiteinfoRoutes,
  ...alexaDataRoutes,
  ...simStateRoutes,
];

function decodeParams(groups: Record<string, string>): Record<string, string> {
  const decode = (value: string) => {
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  };
  return Object.fromEntries(Object.entries(groups).map(([key, value]) => [key, decode(value)]));
}

export function matchRoute(
  path: string,
): { route: Route; params: Record<string, string> } | undefined {
  for (const route of routes) {
    if (typeof route.pattern === "string") {
      if (route.pattern === path) return { route, params: {} };
      continue;
    }
    const groups = route.pattern.exec(path)?.groups;
    if (groups) return { route, params: decodeParams(groups) };
  }
  return undefined;
}
