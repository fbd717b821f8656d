// Which founder alerts an outage calls for: "opened" while it is open or when it opened within
// the lookback, "closed" when it closed within the lookback; one row per outage, event and
// destination that asked for that event. The idempotency key makes each one once. Pure.
import type { AlertConfig, AlertEvent } from "@/lib/config/schema";
import { alertBody } from "./alert-bodies";
import { describeOutage } from "./alert-text";
import { alertLookbackMs, type OutageEventRow } from "./outage-events";
import type { NewNotification } from "./outbox";

export function planOutageAlerts(
  outages: OutageEventRow[],
  alerts: AlertConfig[],
  now: Date,
): NewNotification[] {
  const since = now.getTime() - alertLookbackMs;
  const rows: NewNotification[] = [];
  for (const outage of outages) {
    const events: AlertEvent[] = [];
    if (outage.endedAt === null || outage.startedAt.getTime() >= since)
      events.push("outage-opened");
    if (outage.endedAt !== null && outage.endedAt.getTime() >= since) events.push("outage-closed");
    for (const event of events) {
      const message = describeOutage(event, outage);
      const name = event === "outage-opened" ? "opened" : "closed";
      for (const alert of alerts.filter((a) => a.events.includes(event))) {
        rows.push({
          section: "alerts",
          destination: alert.key,
          event: `outage.${name}`,
          subject: `outage:${outage.outageId}`,
          state: name,
          idempotencyKey: `alerts:${alert.key}:outage:${outage.outageId}:${name}`,
          body: alertBody(alert.kind, message, outage),
        });
      }
    }
  }
  return rows;
}
