// What GET /api/uptime answers and the Uptime page renders. Plain JSON: times are ISO 8601
// strings, shares are 0..1, latencies milliseconds.

export type UptimeRange = "24h" | "7d" | "30d" | "90d";

export type MonitorState = "up" | "degraded" | "down" | "unknown";

/** A check that failed, with what went wrong. */
export type FailedCheck = {
  at: string;
  httpStatus: number | null;
  latencyMs: number | null;
  error: string | null;
};

/** One rollup bucket's latency; null where no check of the bucket had one. */
export type LatencyPoint = { at: string; p50: number | null; p95: number | null };

export type MonitorUptime = {
  key: string;
  name: string;
  type: "http" | "tcp" | "tls";
  /** The URL, or host:port. */
  target: string;
  intervalSeconds: number;
  component: { key: string; name: string } | null;
  /** The latest check's status. */
  status: MonitorState;
  lastCheckAt: string | null;
  /** Share of checks up or degraded in each window, from hour rollups; null without checks. */
  uptime: { "24h": number | null; "7d": number | null; "30d": number | null };
  /** Oldest first, one point per rollup bucket of `unit` in the range. */
  latency: LatencyPoint[];
  /** The newest failed checks in the range, newest first. */
  recentFailures: FailedCheck[];
};

export type OutageView = {
  id: number;
  monitorKey: string;
  monitor: string;
  component: string | null;
  startedAt: string;
  /** Null while it lasts. */
  endedAt: string | null;
  severity: "degraded" | "partial" | "major";
};

export type UptimePageData = {
  generatedAt: string;
  timezone: string;
  range: UptimeRange;
  from: string;
  to: string;
  /** The rollup the latency charts read: minutes up to a day, hours beyond. */
  unit: "minute" | "hour";
  monitors: MonitorUptime[];
  /** Outages overlapping the range, newest first. */
  outages: OutageView[];
};
