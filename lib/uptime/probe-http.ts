// An HTTP(S) probe: redirects followed up to the monitor's limit, expected status, keyword present
// or absent, a 2 MiB body limit, latency threshold, and one deadline for all of it.
import type { MonitorConfig } from "@/lib/config/schema";
import { type HttpAnswer, sendRequest } from "./http-exchange";
import { failedProbe, probeDeadline } from "./probe-deadline";
import { down, type ProbeOptions, type ProbeResult } from "./probe-result";

export type { ProbeResult } from "./probe-result";

type HttpMonitor = Extract<MonitorConfig, { type: "http" }>;

/** Bodies past this are refused without being read whole. */
export const maxBodyBytes = 2 * 1024 * 1024;

const redirectStatuses = new Set([301, 302, 303, 307, 308]);

function expectedStatus(monitor: Pick<HttpMonitor, "expectStatus">, status: number): boolean {
  return monitor.expectStatus
    ? monitor.expectStatus.includes(status)
    : status >= 200 && status < 300;
}

type Request = { url: URL; method: string; headers: Record<string, string> };

/** The request that follows a redirect, as browsers make it. */
function redirected(from: Request, status: number, location: URL): Request {
  // 303 asks for a GET; so do 301 and 302 after a POST, by long habit.
  const method =
    from.method !== "HEAD" && (status === 303 || (from.method === "POST" && status < 303))
      ? "GET"
      : from.method;
  // Credentials stay with the origin they were written for.
  const headers =
    location.origin === from.url.origin
      ? from.headers
      : Object.fromEntries(
          Object.entries(from.headers).filter(([name]) => !/^(authorization|cookie)$/i.test(name)),
        );
  return { url: location, method, headers };
}

function parseUrl(text: string, base: URL): URL | null {
  try {
    return new URL(text, base);
  } catch {
    return null;
  }
}

/**
 * The verdict on an answer: its status, then the keyword in its body, then its latency. Pure, for
 * any caller holding the answer (the demo seed judges the simulator's answers with it too).
 */
export function judgeAnswer(
  monitor: Pick<HttpMonitor, "expectStatus" | "keyword" | "keywordAbsent" | "degradedAfter">,
  answer: { status: number; body: string; latencyMs: number },
): ProbeResult {
  const { status, body, latencyMs } = answer;
  if (!expectedStatus(monitor, status)) return down(`unexpected HTTP ${status}`, latencyMs, status);
  if (monitor.keyword !== undefined && body.includes(monitor.keyword) === monitor.keywordAbsent) {
    const state = monitor.keywordAbsent ? "present" : "missing";
    return down(`keyword "${monitor.keyword}" is ${state}`, latencyMs, status);
  }
  if (monitor.degradedAfter !== undefined && latencyMs > monitor.degradedAfter) {
    const error = `slow: answered in ${latencyMs} ms, over the ${monitor.degradedAfter} ms limit`;
    return { status: "degraded", latencyMs, httpStatus: status, error };
  }
  return { status: "up", latencyMs, httpStatus: status, error: null };
}

async function judge(
  monitor: HttpMonitor,
  answer: HttpAnswer,
  elapsed: () => number,
): Promise<ProbeResult> {
  const { status } = answer;
  if (!expectedStatus(monitor, status)) {
    // Not read: an unexpected status is down whatever the body says.
    answer.discard();
    return judgeAnswer(monitor, { status, body: "", latencyMs: elapsed() });
  }
  const body = await answer.readBody(maxBodyBytes);
  return judgeAnswer(monitor, { status, body, latencyMs: elapsed() });
}

export async function probeHttp(
  monitor: HttpMonitor,
  options: ProbeOptions = {},
): Promise<ProbeResult> {
  const deadline = probeDeadline(monitor.timeout, options.signal);
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let request: Request = {
    url: new URL(monitor.url),
    method: monitor.method,
    headers: monitor.headers,
  };
  try {
    for (let redirects = 0; ; redirects++) {
      const answer = await sendRequest({ ...request, ca: options.ca }, deadline);
      const location = answer.headers.location;
      if (
        !redirectStatuses.has(answer.status) ||
        location === undefined ||
        monitor.maxRedirects === 0
      ) {
        return await judge(monitor, answer, elapsed);
      }
      answer.discard();
      const next = parseUrl(location, request.url);
      if (!next) return down(`redirected to an invalid URL: ${location}`, elapsed(), answer.status);
      if (redirects >= monitor.maxRedirects) {
        const error = `more than ${monitor.maxRedirects} redirects (the last to ${next.href})`;
        return down(error, elapsed(), answer.status);
      }
      if (next.protocol !== "http:" && next.protocol !== "https:") {
        return down(`redirected to ${next.href}, not an http(s) URL`, elapsed(), answer.status);
      }
      request = redirected(request, answer.status, next);
    }
  } catch (error) {
    const port = Number(request.url.port) || (request.url.protocol === "https:" ? 443 : 80);
    return failedProbe(error, deadline, options.signal, { host: request.url.hostname, port });
  }
}
