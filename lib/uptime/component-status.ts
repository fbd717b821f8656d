// A status-page component's status from its monitors' open outages. Pure: the status snapshot
// reads each monitor's open outage and asks this.

/** How bad a monitor's outage is: slow (degraded), down while its siblings were not (partial),
 *  or down with every monitor of its component (major). */
export type OutageSeverity = "degraded" | "partial" | "major";

/** The statuses monitors can give a component (maintenance is a founder's call, not theirs). */
export type MonitoredStatus =
  "operational" | "degraded_performance" | "partial_outage" | "major_outage";

/**
 * One entry per monitor of the component: the severity of its open outage, or null without one.
 * Every monitor down → major_outage; some → partial_outage; only slow ones → degraded_performance;
 * none open (or no monitors) → operational.
 */
export function componentStatus(
  monitorStates: readonly (OutageSeverity | null)[],
): MonitoredStatus {
  const downCount = monitorStates.filter((s) => s === "partial" || s === "major").length;
  if (downCount > 0) return downCount === monitorStates.length ? "major_outage" : "partial_outage";
  if (monitorStates.includes("degraded")) return "degraded_performance";
  return "operational";
}
