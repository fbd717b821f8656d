// Monitors being probed in this process right now, so that one monitor is never probed twice at
// once, even when check-monitors starts again while a slow probe of an earlier run is still going.
// Across workers the job's advisory lock does the same (jobs/run-job.ts).
import type { MonitorConfig } from "@/lib/config/schema";
import type { Database } from "@/lib/database/client";
import { dueMonitorKeys } from "./record-check";

const inFlight = new Set<string>();

/** Claims `monitorKey` for one probe: a release function (safe to call twice), or null. */
export function claimProbe(monitorKey: string): (() => void) | null {
  if (inFlight.has(monitorKey)) return null;
  inFlight.add(monitorKey);
  let held = true;
  return () => {
    if (held) inFlight.delete(monitorKey);
    held = false;
  };
}

export type ClaimedMonitor = { monitor: MonitorConfig; release: () => void };

/**
 * The due monitors, each claimed for this caller, plus how many were skipped because they are
 * being probed already. Claiming comes before asking what is due, so a monitor whose check was
 * just stored elsewhere is seen as not due rather than probed again.
 */
export async function claimDueMonitors(
  db: Database,
  monitors: readonly MonitorConfig[],
  now: Date,
): Promise<{ due: ClaimedMonitor[]; inFlight: number }> {
  const claimed = monitors.flatMap((monitor) => {
    const release = claimProbe(monitor.key);
    return release ? [{ monitor, release }] : [];
  });
  let dueKeys: Set<string>;
  try {
    dueKeys = await dueMonitorKeys(db, now);
  } catch (error) {
    claimed.forEach((c) => c.release());
    throw error;
  }
  const due = claimed.filter((c) => dueKeys.has(c.monitor.key));
  claimed.filter((c) => !dueKeys.has(c.monitor.key)).forEach((c) => c.release());
  return { due, inFlight: monitors.length - claimed.length };
}
