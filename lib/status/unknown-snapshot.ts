// What the page says when it has never managed to read its database: no components, no history,
// and plainly that the status is unknown. The indicator is "minor" rather than "none": a widget
// that reads only the indicator must not be told all is well when nobody knows.
import type { StatusSnapshot } from "./status-types";

const unknownDescription = "Status Unknown";

/** True for the snapshot below: the page has not read its database since it started. */
export const isUnknownSnapshot = (snapshot: StatusSnapshot) =>
  snapshot.status.description === unknownDescription && snapshot.components.length === 0;

export function unknownSnapshot(
  page: { id: string; name: string; url: string; timeZone: string },
  now = new Date(),
): StatusSnapshot {
  const at = now.toISOString();
  return {
    generatedAt: at,
    page: { ...page, updatedAt: at },
    status: { indicator: "minor", description: unknownDescription },
    components: [],
    incidents: [],
    maintenances: [],
    lastHour: { successRate: null, checks: 0 },
    responseTimes: [],
  };
}
