// Which status changes each webhook subscriber has not been told about yet. A subject's last row
// in the outbox is what the subscriber last heard (a component's status, an incident's version);
// the snapshot is the page now; a difference is one new message, keyed by the subject's sequence
// number, so it is stored once. A subscriber with no rows at all starts from the page as it is
// (baseline rows, never sent) rather than hearing the whole history. Pure.
import { createHash } from "node:crypto";
import type { StatusWebhookConfig } from "@/lib/config/schema";
import type { StatusIncident, StatusSnapshot } from "@/lib/status/status-types";
import type { NewNotification } from "./outbox";
import { componentUpdatePayload, incidentPayload, type StatusEvent } from "./status-payloads";

/**
 * What a subscriber last heard about a subject, and that message's sequence number (the subject's
 * count of messages: pruning old rows never lowers it, as it is read from the last row's key).
 */
export type HeardState = { state: string; sequence: number };
/** By destination key, then subject ("component:3", "incident:7"). */
export type HeardStates = Map<string, Map<string, HeardState>>;

const isResolved = (status: string) => status === "resolved" || status === "postmortem";

/** "resolved:critical:9f2c01ab": the status, the impact and a digest of what else shows. */
export function incidentVersion(i: StatusIncident): string {
  const digest = createHash("sha256")
    .update(
      JSON.stringify([
        i.name,
        i.updates.map((u) => u.id),
        i.componentIds,
        i.monitoringAt,
        i.resolvedAt,
      ]),
    )
    .digest("hex")
    .slice(0, 16);
  return `${i.status}:${i.impact}:${digest}`;
}

export function planStatusWebhooks(
  snapshot: StatusSnapshot,
  webhooks: StatusWebhookConfig[],
  heard: HeardStates,
): NewNotification[] {
  const rows: NewNotification[] = [];
  // Groups take their status from their children, whose own messages already say it.
  const components = snapshot.components.filter((c) => !c.group);
  for (const webhook of webhooks) {
    const mine = heard.get(webhook.key);
    const baseline = !mine || mine.size === 0;
    const add = (subject: string, state: string, event: StatusEvent | "baseline", body: string) => {
      const sequence = (mine?.get(subject)?.sequence ?? 0) + 1;
      rows.push({
        section: "webhooks",
        destination: webhook.key,
        event,
        subject,
        state,
        idempotencyKey: `webhooks:${webhook.key}:${subject}:${sequence}`,
        body,
        baseline,
      });
    };
    // Marks the subscriber as started, even on a page with nothing on it yet.
    if (baseline) add("page", "subscribed", "baseline", "{}");
    for (const component of components) {
      const subject = `component:${component.id}`;
      const before = mine?.get(subject)?.state ?? "operational";
      if (baseline) add(subject, component.status, "baseline", "{}");
      else if (before !== component.status) {
        const updateId = `${component.id}.${(mine?.get(subject)?.sequence ?? 0) + 1}`;
        const body = componentUpdatePayload(snapshot, component, before, updateId);
        add(subject, component.status, "component.updated", body);
      }
    }
    for (const incident of snapshot.incidents) {
      const subject = `incident:${incident.id}`;
      const version = incidentVersion(incident);
      const before = mine?.get(subject)?.state;
      if (baseline) add(subject, version, "baseline", "{}");
      else if (before !== version) {
        const event: StatusEvent =
          before === undefined
            ? "incident.created"
            : isResolved(incident.status) && !isResolved(before.split(":")[0]!)
              ? "incident.resolved"
              : "incident.updated";
        add(subject, version, event, incidentPayload(snapshot, incident, event));
      }
    }
  }
  return rows;
}
