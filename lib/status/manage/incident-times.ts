// What an incident's status says about its times: resolving (or a postmortem) ends it, monitoring
// marks when the fix was watched, and any other status reopens it.
import type { IncidentStatus } from "@/lib/status/status-types";

export function incidentTimes(
  status: IncidentStatus,
  now: Date,
  current: { monitoringAt: Date | null; resolvedAt: Date | null } = {
    monitoringAt: null,
    resolvedAt: null,
  },
): { monitoringAt: Date | null; resolvedAt: Date | null } {
  return {
    monitoringAt: status === "monitoring" ? now : current.monitoringAt,
    resolvedAt:
      status === "resolved" ? now : status === "postmortem" ? (current.resolvedAt ?? now) : null,
  };
}
