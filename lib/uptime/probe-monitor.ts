// One probe of any monitor type.
import type { MonitorConfig } from "@/lib/config/schema";
import { probeHttp, type ProbeResult } from "./probe-http";

export async function probeMonitor(
  monitor: MonitorConfig,
  signal?: AbortSignal,
): Promise<ProbeResult> {
  switch (monitor.type) {
    case "http":
      return probeHttp(monitor, signal);
    default:
      throw new Error(`monitor ${monitor.key}: ${monitor.type} probes are not built yet`);
  }
}
