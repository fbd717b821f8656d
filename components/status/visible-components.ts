// Which components the page lists, and how: groups with their children in page order, components
// marked `onlyShowIfDegraded` left out while they are operational, a group left out when none of
// its children is shown.
import type { ComponentStatus, StatusComponent } from "@/lib/status/status-types";

export type ComponentRow =
  | { kind: "component"; component: StatusComponent }
  | { kind: "group"; group: StatusComponent; status: ComponentStatus; children: StatusComponent[] };

const severity: Record<ComponentStatus, number> = {
  operational: 0,
  under_maintenance: 1,
  degraded_performance: 2,
  partial_outage: 3,
  major_outage: 4,
};

/** The worse of statuses: a major outage beats a partial one, any problem beats maintenance. */
export function worstStatus(statuses: readonly ComponentStatus[]): ComponentStatus {
  return statuses.reduce<ComponentStatus>(
    (worst, status) => (severity[status] > severity[worst] ? status : worst),
    "operational",
  );
}

export function isHidden(component: Pick<StatusComponent, "onlyShowIfDegraded" | "status">) {
  return component.onlyShowIfDegraded && component.status === "operational";
}

/** The rows of the components list, in the snapshot's page order. */
export function arrangeComponents(components: readonly StatusComponent[]): ComponentRow[] {
  const groups = components.filter((c) => c.group);
  const childrenOf = new Map<string, StatusComponent[]>(groups.map((g) => [g.id, []]));
  const grouped = new Set<string>();
  for (const child of components) {
    if (child.group) continue;
    // A child names its group, and the group lists its children: either is enough.
    const group = groups.find((g) => g.id === child.groupId || g.components.includes(child.id));
    if (!group) continue;
    childrenOf.get(group.id)!.push(child);
    grouped.add(child.id);
  }

  const rows: ComponentRow[] = [];
  for (const component of components) {
    if (component.group) {
      const all = childrenOf.get(component.id)!;
      const status = worstStatus([component.status, ...all.map((child) => child.status)]);
      const children = all.filter((child) => !isHidden(child));
      if (children.length === 0 || isHidden({ ...component, status })) continue;
      rows.push({ kind: "group", group: component, status, children });
    } else if (!grouped.has(component.id) && !isHidden(component)) {
      rows.push({ kind: "component", component });
    }
  }
  return rows;
}
