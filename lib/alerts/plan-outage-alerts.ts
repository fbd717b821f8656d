// Which founder alerts an outage calls for; one row per outage, event and destination that asked
// for that event. The idempotency key makes each one once. Pure.
//
// When an alert is still worth sending, with `alertLookbackMs` (an hour) as the line between news
// and history:
// - "opened" while the outage is open, however long ago it started: founders are still in it, so
//   a worker that was stopped, or a destination added since, tells them once. Of an outage that
//   has closed, only if it started within the lookback: a worker restarting after a long stop does
//   not announce, as news, outages that are over.
// - "closed" when it closed within the lookback, and also, however late, to every destination
//   already told it opened. Its end is backdated to the first success, so the close can be
//   recorded long after it (a worker stopped between that success and the ones confirming it,
//   or a long interval); without this a founder told "down" would never hear "recovered".
import type { AlertConfig, AlertEvent } from "@/lib/config/schema";
import { alertBody } from "./alert-bodies";
import { describeOutage } from "./alert-text";
import { alertLookbackMs, type OutageEventRow } from "./outage-events";
import type { NewNotification } from "./outbox";

function isDue(event: AlertEvent, outage: OutageEventRow, alert: AlertConfig, since: number) {
  if (!alert.events.includes(event)) return false;
  if (event === "outage-opened") {
    return outage.endedAt === null || outage.startedAt.getTime() >= since;
  }
  if (outage.endedAt === null) return false;
  return outage.endedAt.getTime() >= since || outage.toldOpened.includes(alert.key);
}

export function planOutageAlerts(
  outages: OutageEventRow[],
  alerts: AlertConfig[],
  now: Date,
): NewNotification[] {
  const since = now.getTime() - alertLookbackMs;
  const rows: NewNotification[] = [];
  for (const outage of outages) {
    for (const event of ["outage-opened", "outage-closed"] as const) {
      const due = alerts.filter((a) => isDue(event, outage, a, since));
      if (due.length === 0) continue;
      const message = describeOutage(event, outage);
      const name = event === "outage-opened" ? "opened" : "closed";
      for (const alert of due) {
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
