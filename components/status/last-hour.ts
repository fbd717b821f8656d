// The last hour in one plain sentence, from the snapshot's share of successful checks.
import { formatCount, formatPercent } from "@/lib/api-client/format";
import type { StatusSnapshot } from "@/lib/status/status-types";

/** "99.2% of requests succeeded in the last hour", or "No checks in the last hour". */
export function lastHourSentence(lastHour: StatusSnapshot["lastHour"]): string {
  if (lastHour.successRate === null || lastHour.checks === 0) return "No checks in the last hour";
  return `${formatPercent(lastHour.successRate)} of requests succeeded in the last hour`;
}

/** "across 360 checks", "across 1 check"; nothing without checks. */
export function lastHourDetail(lastHour: StatusSnapshot["lastHour"]): string | null {
  if (lastHour.successRate === null || lastHour.checks === 0) return null;
  return `across ${formatCount(lastHour.checks)} ${lastHour.checks === 1 ? "check" : "checks"}`;
}
