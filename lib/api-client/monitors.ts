// Summing up monitors for the dashboard.
import type { MonitorStatus, MonitorSummary } from "@/lib/dashboard/types";

/** The worst status among monitors that have been checked; "unknown" if none has. */
export function overallStatus(monitors: MonitorSummary[]): MonitorStatus {
  const known = monitors.filter((m) => m.status !== "unknown");
  if (known.length === 0) return "unknown";
  if (known.some((m) => m.status === "down")) return "down";
  if (known.some((m) => m.status === "degraded")) return "degraded";
  return "up";
}

/** "All 3 up", "2 of 3 up", "No checks yet". */
export function describeMonitors(monitors: MonitorSummary[]): string {
  const up = monitors.filter((m) => m.status === "up").length;
  if (monitors.every((m) => m.status === "unknown")) return "No checks yet";
  if (up === monitors.length) return monitors.length === 1 ? "Up" : `All ${up} up`;
  return `${up} of ${monitors.length} up`;
}
