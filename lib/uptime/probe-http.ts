// An HTTP(S) probe: expected status, keyword present or absent, latency threshold, time limit.
import type { MonitorConfig } from "@/lib/config/schema";
import { SourceError } from "@/lib/errors";
import { fetchSource } from "@/lib/http/fetch-source";
import { type CheckStatusName } from "./check-status";

export type ProbeResult = {
  status: CheckStatusName;
  latencyMs: number | null;
  httpStatus: number | null;
  error: string | null;
};

type HttpMonitor = Extract<MonitorConfig, { type: "http" }>;

export async function probeHttp(monitor: HttpMonitor, signal?: AbortSignal): Promise<ProbeResult> {
  let response;
  try {
    response = await fetchSource(monitor.url, {
      source: `monitor ${monitor.key}`,
      timeoutMs: monitor.timeout,
      method: monitor.method,
      headers: monitor.headers,
      maxBytes: 2 * 1024 * 1024,
      signal,
    });
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    return {
      status: "down",
      latencyMs: null,
      httpStatus: null,
      error: error.message.slice(0, 300),
    };
  }
  const { status, body, latencyMs } = response;
  const expected = monitor.expectStatus
    ? monitor.expectStatus.includes(status)
    : status >= 200 && status < 300;
  if (!expected)
    return { status: "down", latencyMs, httpStatus: status, error: `unexpected HTTP ${status}` };
  if (monitor.keyword !== undefined && body.includes(monitor.keyword) === monitor.keywordAbsent) {
    const error = monitor.keywordAbsent
      ? `keyword "${monitor.keyword}" is present`
      : `keyword "${monitor.keyword}" is missing`;
    return { status: "down", latencyMs, httpStatus: status, error: error.slice(0, 300) };
  }
  if (monitor.degradedAfter !== undefined && latencyMs > monitor.degradedAfter) {
    return { status: "degraded", latencyMs, httpStatus: status, error: null };
  }
  return { status: "up", latencyMs, httpStatus: status, error: null };
}
