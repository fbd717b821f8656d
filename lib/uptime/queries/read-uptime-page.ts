// GET /api/uptime's answer, and what the Uptime page prefetches: every monitor's status, uptime,
// latency and recent failures, and the outages of the range. Read from rollups.
import { z } from "zod";
import type { LoadedConfig } from "@/lib/config";
import type { Database } from "@/lib/database/client";
import { ValidationError } from "@/lib/errors";
import { formatIssues } from "@/lib/validation";
import { getLatencySeries } from "./get-latency-series";
import { getMonitorUptime } from "./get-monitor-uptime";
import { getOutageList } from "./get-outage-list";
import { getRecentFailures } from "./get-recent-failures";
import type { UptimePageData, UptimeRange } from "./uptime-page-types";

const HOUR = 3_600_000;
export const uptimeRangeMs: Record<UptimeRange, number> = {
  "24h": 24 * HOUR,
  "7d": 7 * 24 * HOUR,
  "30d": 30 * 24 * HOUR,
  "90d": 90 * 24 * HOUR,
};

const paramsSchema = z.object({ range: z.enum(["24h", "7d", "30d", "90d"]).default("7d") });

/** The range asked for in the query string; anything else is a 422 naming the parameter. */
export function parseUptimeParams(search: URLSearchParams): { range: UptimeRange } {
  const parsed = paramsSchema.safeParse(Object.fromEntries(search), { reportInput: true });
  if (!parsed.success) throw new ValidationError(formatIssues(parsed.error.issues).trim());
  return parsed.data;
}

export async function readUptimePage(
  db: Database,
  config: Pick<LoadedConfig, "timezone">,
  search: URLSearchParams,
  now = new Date(),
): Promise<UptimePageData> {
  const { range } = parseUptimeParams(search);
  const from = new Date(now.getTime() - uptimeRangeMs[range]);
  const unit = range === "24h" ? "minute" : "hour";
  const [monitors, outages] = await Promise.all([
    getMonitorUptime(db, now),
    getOutageList(db, from, now),
  ]);
  const ids = monitors.map((m) => m.id);
  const [latency, failures] = await Promise.all([
    getLatencySeries(db, ids, unit, from, now),
    getRecentFailures(db, ids, from, now),
  ]);
  return {
    generatedAt: now.toISOString(),
    timezone: config.timezone,
    range,
    from: from.toISOString(),
    to: now.toISOString(),
    unit,
    monitors: monitors.map(({ id, ...monitor }) => ({
      ...monitor,
      latency: latency.get(id) ?? [],
      recentFailures: failures.get(id) ?? [],
    })),
    outages,
  };
}
