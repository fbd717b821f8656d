// A TCP probe: the port accepts a connection within the timeout; slower than `degradedAfter` is
// degraded. Nothing is sent: the connection is closed as soon as it opens.
import { connect } from "node:net";
import type { MonitorConfig } from "@/lib/config/schema";
import { failedProbe, probeDeadline, untilDeadline } from "./probe-deadline";
import type { ProbeOptions, ProbeResult } from "./probe-result";

type TcpMonitor = Extract<MonitorConfig, { type: "tcp" }>;

export async function probeTcp(
  monitor: TcpMonitor,
  options: ProbeOptions = {},
): Promise<ProbeResult> {
  const deadline = probeDeadline(monitor.timeout, options.signal);
  deadline.phase = `connecting to ${monitor.host}:${monitor.port}`;
  const started = performance.now();
  try {
    const latencyMs = await untilDeadline<number>(deadline, (resolve, reject) => {
      const socket = connect({ host: monitor.host, port: monitor.port });
      socket.once("connect", () => resolve(Math.round(performance.now() - started)));
      socket.on("error", reject);
      return () => socket.destroy();
    });
    if (monitor.degradedAfter !== undefined && latencyMs > monitor.degradedAfter) {
      const error = `slow: connected in ${latencyMs} ms, over the ${monitor.degradedAfter} ms limit`;
      return { status: "degraded", latencyMs, httpStatus: null, error };
    }
    return { status: "up", latencyMs, httpStatus: null, error: null };
  } catch (error) {
    return failedProbe(error, deadline, options.signal, monitor);
  }
}
