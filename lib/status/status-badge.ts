// SVG status badges, the kind READMEs and dashboards embed: the whole page's status, or one
// component's, drawn by badge-maker (the library shields.io renders with).
import { makeBadge } from "badge-maker";
import { componentStatusLabel } from "./status-labels";
import type { ComponentStatus, StatusIndicator, StatusSnapshot } from "./status-types";

const indicatorColor: Record<StatusIndicator, string> = {
  none: "#2e9e44",
  minor: "#d4a017",
  major: "#e8740c",
  critical: "#d9342b",
  maintenance: "#3b6fd8",
};

const componentColor: Record<ComponentStatus, string> = {
  operational: indicatorColor.none,
  degraded_performance: indicatorColor.minor,
  partial_outage: indicatorColor.major,
  major_outage: indicatorColor.critical,
  under_maintenance: indicatorColor.maintenance,
};

/** The page's badge: "Stashbox | All Systems Operational". */
export function pageBadge(snapshot: StatusSnapshot): string {
  return makeBadge({
    label: snapshot.page.name,
    message: snapshot.status.description,
    color: indicatorColor[snapshot.status.indicator],
  });
}

/** One component's badge by its key, or null when the page has no such component. */
export function componentBadge(snapshot: StatusSnapshot, key: string): string | null {
  const component = snapshot.components.find((c) => c.key === key);
  if (!component) return null;
  return makeBadge({
    label: component.name,
    message: componentStatusLabel[component.status],
    color: componentColor[component.status],
  });
}
