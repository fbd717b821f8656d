// What a founder's alert says about an outage: which monitor and component, how bad, when it
// started, how long it lasted once closed, and the last failed check's error. Pure.
import { formatDuration } from "@/lib/status/incident-text";
import type { AlertEvent } from "@/lib/config/schema";
import type { OutageEventRow } from "./outage-events";

export type AlertMessage = {
  event: AlertEvent;
  /** One line: "Outage: Website (Uploads) is down". */
  title: string;
  /** Labelled facts, in order. */
  fields: { label: string; value: string }[];
};

const severityWords = {
  degraded: "degraded (slow)",
  partial: "partial outage (some monitors down)",
  major: "major outage (every monitor down)",
} as const;

/** "Website (Uploads)" or "Website" for a monitor without a component. */
export const monitorLabel = (o: OutageEventRow) =>
  o.componentName ? `${o.monitorName} (${o.componentName})` : o.monitorName;

export function describeOutage(event: AlertEvent, o: OutageEventRow): AlertMessage {
  const label = monitorLabel(o);
  const fields = [
    { label: "Monitor", value: `${o.monitorName} (${o.monitorKey})` },
    { label: "Component", value: o.componentName ?? "none" },
    { label: "Severity", value: severityWords[o.severity] },
    { label: "Started", value: o.startedAt.toISOString() },
  ];
  if (event === "outage-closed" && o.endedAt) {
    fields.push(
      { label: "Ended", value: o.endedAt.toISOString() },
      { label: "Lasted", value: formatDuration(o.endedAt.getTime() - o.startedAt.getTime()) },
    );
  }
  const error =
    o.lastError ?? (o.lastHttpStatus !== null ? `HTTP ${o.lastHttpStatus}` : "not recorded");
  fields.push({ label: "Last error", value: error });
  const title =
    event === "outage-opened"
      ? `Outage: ${label} is ${o.severity === "degraded" ? "degraded" : "down"}`
      : `Recovered: ${label} is back after ${formatDuration(
          o.endedAt!.getTime() - o.startedAt.getTime(),
        )}`;
  return { event, title, fields };
}

/** The message as plain text: the title, then one "Label: value" line per fact. */
export function alertPlainText(message: AlertMessage): string {
  return [message.title, ...message.fields.map((f) => `${f.label}: ${f.value}`)].join("\n");
}
