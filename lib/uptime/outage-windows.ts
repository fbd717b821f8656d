// Outage windows from evidence: N consecutive failed checks open an outage, M consecutive
// successes close it. A window starts at the first failed check of the run that confirmed it and
// ends at the first success of the run that closed it. Pure: the job feeds it checks.
import type { CheckStatusName } from "./check-status";

export type CheckPoint = { at: Date; status: CheckStatusName };
/** A monitor's window: "major" when any of its checks was down (record-outages.ts then decides
 *  whether the component makes it partial), else "degraded". */
export type OutageWindow = { start: Date; end: Date | null; severity: "degraded" | "major" };
export type OutageRules = { failuresToOpen: number; successesToClose: number };

export const defaultOutageRules: OutageRules = { failuresToOpen: 3, successesToClose: 2 };

/**
 * Every outage window in a time-ordered run of checks. A check counts as failed when it is down
 * or degraded; a window is "major" if any of its checks was down, else "degraded".
 */
export function detectOutageWindows(
  checks: CheckPoint[],
  rules: OutageRules = defaultOutageRules,
): OutageWindow[] {
  const windows: OutageWindow[] = [];
  let open: OutageWindow | null = null;
  let badRun: CheckPoint[] = [];
  let goodRun: CheckPoint[] = [];
  for (const check of checks) {
    const bad = check.status !== "up";
    if (!open) {
      badRun = bad ? [...badRun, check] : [];
      if (badRun.length >= rules.failuresToOpen) {
        open = {
          start: badRun[0]!.at,
          end: null,
          severity: badRun.some((c) => c.status === "down") ? "major" : "degraded",
        };
        windows.push(open);
        badRun = [];
      }
      continue;
    }
    if (bad) {
      goodRun = [];
      if (check.status === "down") open.severity = "major";
      continue;
    }
    goodRun.push(check);
    if (goodRun.length >= rules.successesToClose) {
      open.end = goodRun[0]!.at;
      open = null;
      goodRun = [];
    }
  }
  return windows;
}
