// Probes every due monitor at once (each is due once an interval, on its own slot:
// lib/uptime/check-slots.ts), each bounded by its own timeout, so a slow monitor delays the run by
// at most its timeout and never the others' probes; then stores each check (with its rollups) and
// keeps its outages current. A monitor still being probed is not probed again.
// Last, the founders' alerts and status webhooks those changes call for are stored and sent,
// within a time budget of their own, so a receiver that hangs never holds up the checks.
import { probeMonitor } from "@/lib/uptime/probe-monitor";
import { claimDueMonitors } from "@/lib/uptime/probes-in-flight";
import { recordCheck } from "@/lib/uptime/record-check";
import { recordOutages } from "@/lib/uptime/record-outages";
import { syncAutomaticIncidents } from "@/lib/status/auto-incidents";
import { sendNotifications } from "@/lib/alerts/send-notifications";
import type { Job } from "./types";
import { runEach } from "./run-each";

/** The most time one run spends sending alerts and status webhooks. */
const notificationBudgetMs = 8_000;

export const checkMonitors: Job = {
  name: "check-monitors",
  async run({ db, config, log, signal, count, inProgress }) {
    const { due, inFlight } = await claimDueMonitors(db, config.monitors, new Date());
    if (inFlight > 0) count("checks_in_flight", inFlight);
    let failure: unknown = null;
    await runEach(
      due,
      ({ monitor }) => `monitor ${monitor.key}`,
      { count, signal, inProgress },
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
    signal.throwIfAborted();
    const notified = await sendNotifications(db, config, { log, budgetMs: notificationBudgetMs });
    if (notified.queued > 0) count("notifications_queued", notified.queued);
    if (notified.sent > 0) count("notifications_sent", notified.sent);
    if (notified.failed > 0) count("notifications_failed", notified.failed);
    if (failure) throw failure;
  },
};
