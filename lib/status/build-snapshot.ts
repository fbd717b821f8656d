// The status page's snapshot, built in one pass: a fixed handful of queries (run together) whatever
// the number of components, then pure assembly (statuses, with incidents shown on the components
// they affect; 90-day bars; the overall indicator). Served from memory by snapshot-cache.ts;
// never built per visitor.
import type { Config } from "@/lib/config";
import type { Database } from "@/lib/database/client";
import { pageId, pageUrl } from "./page-identity";
import { overallStatus, underWay } from "./page-status";
import { readLastHour, readResponseTimes } from "./read-check-stats";
import { readMaintenances } from "./read-maintenances";
import { readOutageSpans } from "./read-outage-spans";
import { readStatusComponents } from "./read-status-components";
import { readStatusIncidents } from "./read-status-incidents";
import { assembleComponents } from "./snapshot-components";
import { toStatusIncident, toStatusMaintenance } from "./snapshot-records";
import { lastDays } from "./status-days";
import type { StatusSnapshot } from "./status-types";

export type StatusConfig = Pick<Config, "service" | "statusPage" | "timezone">;

/** Completed maintenance stays on the page this long. */
const completedKeptMs = 7 * 86_400_000;

export async function buildStatusSnapshot(
  db: Database,
  config: StatusConfig,
  now = new Date(),
): Promise<StatusSnapshot> {
  const timeZone = config.timezone;
  const days = lastDays(now, timeZone, 90);
  const keptSince = new Date(now.getTime() - completedKeptMs);
  const [rows, outages, incidentRows, maintenanceRows, lastHour, responseTimes] = await Promise.all(
    [
      readStatusComponents(db),
      readOutageSpans(db, days[0]!.start, now),
      readStatusIncidents(db, days[0]!.start),
      readMaintenances(db, keptSince),
      readLastHour(db, now),
      readResponseTimes(db, now),
    ],
  );
  const url = pageUrl(config.statusPage.url);

  const maintenances = maintenanceRows
    .map((m) => toStatusMaintenance(m, url, now))
    .filter((m) => m.status !== "completed" || new Date(m.scheduledUntil) >= keptSince);
  const inMaintenance = new Set(
    maintenances.filter((m) => underWay(m.status)).flatMap((m) => m.componentIds),
  );
  const incidents = incidentRows.map((i) => toStatusIncident(i, url));
  const components = assembleComponents({
    rows,
    outages,
    inMaintenance,
    incidents,
    days,
    timeZone,
    now,
  });

  // The newest change anywhere on the page (never later than now).
  const changes = [
    ...components.map((c) => c.updatedAt),
    ...incidents.flatMap((i) => [i.updatedAt, ...i.updates.map((u) => u.createdAt)]),
    ...maintenances.map((m) => m.updatedAt),
  ]
    .map((iso) => Date.parse(iso))
    .filter((ms) => ms <= now.getTime());
  const updatedAt = new Date(changes.length > 0 ? Math.max(...changes) : now.getTime());

  return {
    generatedAt: now.toISOString(),
    page: {
      id: pageId(config.service.domain),
      name: config.statusPage.name ?? config.service.name,
      url,
      timeZone,
      updatedAt: updatedAt.toISOString(),
    },
    status: overallStatus(components, incidents, maintenances),
    components,
    incidents,
    maintenances,
    lastHour,
    responseTimes,
  };
}
