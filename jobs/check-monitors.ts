import { probeMonitor } from "@/lib/uptime/probe-monitor";
import { dueMonitorKeys, recordCheck } from "@/lib/uptime/record-check";
import { recordOutages } from "@/lib/uptime/record-outages";
import type { Job } from "./types";
import { runEach } from "./run-each";

export const checkMonitors: Job = {
  name: "check-monitors",
  async run({ db, config, signal, count }) {
    const due = await dueMonitorKeys(db, new Date());
    const monitors = config.monitors.filter((m) => due.has(m.key));
    await runEach(
      monitors,
      (m) => m.key,
      count,
      signal,
      async (monitor) => {
        const at = new Date();
        const result = await probeMonitor(monitor, signal);
        await recordCheck(db, monitor.key, at, result);
        count(`checks_${result.status}`);
        await recordOutages(db, monitor.key, monitor);
      },
    );
  },
};
