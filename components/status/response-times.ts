// The last 24 h of response times, read as text: the latest hour's median and 95th percentile, and
// one row per hour for the table the chart falls back to.
import { formatDuration } from "@/lib/api-client/format";
import type { StatusSnapshot } from "@/lib/status/status-types";

type Point = StatusSnapshot["responseTimes"][number];

/** Hours with a measurement, oldest first. */
export function measuredHours(points: readonly Point[]): Point[] {
  return points
    .filter((point) => point.p50 !== null || point.p95 !== null)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/**
 * "In the latest hour half of the requests were answered within 182 ms, 95% within 640 ms", or
 * why there is nothing to say.
 */
export function responseTimeSentence(points: readonly Point[]): string {
  const latest = measuredHours(points).at(-1);
  if (!latest) return "No response times measured in the last 24 hours.";
  const parts: string[] = [];
  if (latest.p50 !== null)
    parts.push(`half of the requests were answered within ${ms(latest.p50)}`);
  if (latest.p95 !== null) parts.push(`95% within ${ms(latest.p95)}`);
  return `In the latest hour, ${parts.join(", ")}.`;
}

/** 182 → "182 ms", 1234 → "1.2 s". */
export function ms(value: number): string {
  return formatDuration(value);
}

/** Points for the chart: `t` in epoch ms. */
export function responseTimeChartData(points: readonly Point[]) {
  return measuredHours(points).map((point) => ({
    t: Date.parse(point.at),
    p50: point.p50,
    p95: point.p95,
  }));
}
