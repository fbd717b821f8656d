// The Uptime page's state, queries and writes, the same on both sides. The URL holds the range
// (?range=7d) so a view can be shared; the server page parses it with the same function and
// prefetches under the same key the browser then reads. Founders' writes to the status page go
// through sendJson and answer with the API's own error message.
import { queryOptions } from "@tanstack/react-query";
import type { StatusControlData } from "@/lib/status/manage/status-control-types";
import type { UptimePageData, UptimeRange } from "@/lib/uptime/queries/uptime-page-types";
import { ApiError, fetchJson } from "./fetch-json";
import type { ParamSource } from "./growth";

export const DEFAULT_UPTIME_RANGE: UptimeRange = "7d";
/** Monitors are probed every 10 s or more: a refresh every 30 s keeps the page honest. */
export const UPTIME_REFRESH_MS = 30_000;

export const uptimeRangeOptions: { value: UptimeRange; label: string }[] = [
  { value: "24h", label: "24 h" },
  { value: "7d", label: "7 d" },
  { value: "30d", label: "30 d" },
  { value: "90d", label: "90 d" },
];

const ranges = new Set<string>(uptimeRangeOptions.map((option) => option.value));

/** The range in the URL; anything else falls back to 7 d. */
export function parseUptimeRange(params: ParamSource): UptimeRange {
  const range = params.get("range") ?? "";
  return ranges.has(range) ? (range as UptimeRange) : DEFAULT_UPTIME_RANGE;
}

export function uptimePath(range: UptimeRange): string {
  return `/api/uptime?${new URLSearchParams({ range })}`;
}

export function uptimeQuery(range: UptimeRange) {
  return queryOptions({
    queryKey: ["uptime", "page", range] as const,
    queryFn: ({ signal }) => fetchJson<UptimePageData>(uptimePath(range), signal),
    refetchInterval: UPTIME_REFRESH_MS,
    refetchOnWindowFocus: false,
  });
}

export const STATUS_CONTROL_PATH = "/api/status-admin";

export function statusControlQuery() {
  return queryOptions({
    queryKey: ["uptime", "status-control"] as const,
    queryFn: ({ signal }) => fetchJson<StatusControlData>(STATUS_CONTROL_PATH, signal),
    refetchInterval: 60_000,
    refetchOnWindowFocus: false,
  });
}

/** Sends a founder's write as JSON; a refusal throws an ApiError carrying the API's message. */
export async function sendJson<T>(method: "POST" | "PATCH", path: string, body: unknown) {
  const response = await fetch(path, {
    method,
    headers: { "content-type": "application/json", accept: "application/json" },
    credentials: "same-origin",
    body: JSON.stringify(body),
  });
  let answer: unknown = null;
  try {
    answer = await response.json();
  } catch {
    // An empty or non-JSON answer: the status code speaks for it.
  }
  if (!response.ok) {
    const error = (answer as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    throw new ApiError(
      response.status,
      typeof error?.code === "string" ? error.code : "http_error",
      typeof error?.message === "string" ? error.message : `HTTP ${response.status}`,
    );
  }
  return answer as T;
}

/** A `datetime-local` value (the viewer's wall clock) as an ISO instant; null when not a time. */
export function localInputToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

/** An instant as a `datetime-local` value on the viewer's wall clock: "2026-01-12T02:00". */
export function isoToLocalInput(at: number): string {
  const date = new Date(at);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** How long an outage lasted, or has lasted so far, in ms. */
export function outageLength(outage: { startedAt: string; endedAt: string | null }, now: string) {
  return Date.parse(outage.endedAt ?? now) - Date.parse(outage.startedAt);
}
