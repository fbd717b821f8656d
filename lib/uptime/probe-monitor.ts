// One probe of any monitor type. Each probe keeps its own deadline; this adds a last guard so that
// no probe, whatever a socket does, holds the job past its monitor's timeout by more than a second.
import type { MonitorConfig } from "@/lib/config/schema";
import { probeHttp } from "./probe-http";
import { down, type ProbeOptions, type ProbeResult } from "./probe-result";
import { probeTcp } from "./probe-tcp";
import { probeTls } from "./probe-tls";

export type { ProbeOptions, ProbeResult } from "./probe-result";

/** How long past its timeout a probe may take to give up before the guard answers for it. */
const graceMs = 1_000;

function probe(monitor: MonitorConfig, options: ProbeOptions): Promise<ProbeResult> {
  switch (monitor.type) {
    case "http":
      return probeHttp(monitor, options);
    case "tcp":
      return probeTcp(monitor, options);
    case "tls":
      return probeTls(monitor, options);
  }
}

export async function probeMonitor(
  monitor: MonitorConfig,
  options: ProbeOptions = {},
): Promise<ProbeResult> {
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<ProbeResult>((resolve) => {
    timer = setTimeout(
      () => resolve(down(`probe did not finish within ${monitor.timeout} ms`)),
      monitor.timeout + graceMs,
    );
  });
  try {
    return await Promise.race([probe(monitor, options), guard]);
  } finally {
    clearTimeout(timer);
  }
}
