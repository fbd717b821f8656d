// Probes every due monitor at once, each bounded by its own timeout, so a slow monitor delays the
// run by at most its timeout and never the others' probes; then stores each check (with its
// rollups) and keeps its outages current. A monitor still being probed is not probed again.
import { probeMonitor } from "@/lib/uptime/probe-monitor";
import { claimDueMonitors } from "@/lib/uptime/probes-in-flight";
import { recordCheck } from "@/lib/uptime/record-check";
import { recordOutages } from "@/lib/uptime/record-outages";
import { syncAutomaticIncidents } from "@/lib/status/auto-incidents";
import type { Job } from "./types";
import { runEach } from "./run-each";

export const checkMonitors: Job = {
  name: "check-monitors",
  async run({ db, config, signal, count }) {
    const { due, inFlight } = await claimDueMonitors(db, config.monitors, new Date());
    if (inFlight > 0) count("checks_in_flight", inFlight);
    let failure: unknown = null;
    await runEach(
      due,
      ({ monitor }) => `monitor ${monitor.key}`,
      count,
      signal,
      async ({ monitor, release }) => {
        try {
          const at = new Date();
          const result = await probeMonitor(monitor, { signal });
          await recordCheck(db, monitor.key, at, result);
          count(`checks_${result.status}`);
          await recordOutages(db, monitor.key, monitor);
        } finally {
          release();
        }
      },
    ).catch((error: unknown) => {
      failure = error;
    });
    // The outages the monitors that answered recorded still open or resolve their incidents.
    signal.throwIfAborted();
    const incidents = await syncAutomaticIncidents(db);
    if (incidents.opened > 0) count("incidents_opened", incidents.opened);
    if (incidents.resolved > 0) count("incidents_resolved", incidents.resolved);
    if (failure) throw failure;
  },
};
