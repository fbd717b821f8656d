// Which maintenance the page announces: what is under way, then what is coming, soonest first.
// Completed windows are left to the history the API keeps.
import type { StatusMaintenance } from "@/lib/status/status-types";

/** In progress (or being verified) first, then scheduled windows that have not ended. */
export function currentMaintenances(
  maintenances: readonly StatusMaintenance[],
  now: number,
): StatusMaintenance[] {
  const active = maintenances.filter((m) => m.status === "in_progress" || m.status === "verifying");
  const upcoming = maintenances.filter(
    (m) => m.status === "scheduled" && Date.parse(m.scheduledUntil) > now,
  );
  const soonest = (a: StatusMaintenance, b: StatusMaintenance) =>
    Date.parse(a.scheduledFor) - Date.parse(b.scheduledFor);
  return [...active.sort(soonest), ...upcoming.sort(soonest)];
}
