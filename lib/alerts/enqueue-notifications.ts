// Decides every notification a check-monitors run calls for, in one transaction under one
// advisory lock: founders' alerts for outages that opened or closed, and status webhooks for
// components and incidents that changed. Rows go to the outbox (outbox.ts); delivery is separate.
import type { Config } from "@/lib/config";
import type { Database } from "@/lib/database/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { buildStatusSnapshot } from "@/lib/status/build-snapshot";
import { readOutageEvents } from "./outage-events";
import { insertNotifications, lockOutbox } from "./outbox";
import { planOutageAlerts } from "./plan-outage-alerts";
import { type HeardStates, planStatusWebhooks } from "./plan-status-webhooks";

export type NotifyConfig = Pick<
  Config,
  "alerts" | "webhooks" | "service" | "statusPage" | "timezone"
>;

async function readHeardStates(tx: Prisma.TransactionClient): Promise<HeardStates> {
  // The sequence number ends each row's idempotency key ("webhooks:<key>:<subject>:<n>").
  const rows = await tx.$queryRaw<
    { destination: string; subject: string; state: string; sequence: number }[]
  >`
    SELECT DISTINCT ON (destination, subject) destination, subject, state,
           substring(idempotency_key from ':([0-9]+)$')::int AS sequence
    FROM notification WHERE section = 'webhooks'
    ORDER BY destination, subject, id DESC`;
  const heard: HeardStates = new Map();
  for (const { destination, subject, state, sequence } of rows) {
    const mine = heard.get(destination) ?? new Map();
    mine.set(subject, { state, sequence });
    heard.set(destination, mine);
  }
  return heard;
}

/** Stores the alerts and status webhooks not stored yet; returns how many were new. */
export async function enqueueNotifications(
  db: Database,
  config: NotifyConfig,
  now = new Date(),
): Promise<number> {
  if (config.alerts.length === 0 && config.webhooks.length === 0) return 0;
  return db.$transaction(
    async (tx) => {
      await lockOutbox(tx);
      const rows = [];
      if (config.alerts.length > 0) {
        const closers = config.alerts.filter((a) => a.events.includes("outage-closed"));
        const keys = closers.map((a) => a.key);
        const outages = await readOutageEvents(tx, now, keys);
        rows.push(...planOutageAlerts(outages, config.alerts, now));
      }
      if (config.webhooks.length > 0) {
        // Built while the lock is held, so a worker with an older view of the page can never
        // announce it after a newer one.
        const snapshot = await buildStatusSnapshot(db, config, now);
        rows.push(...planStatusWebhooks(snapshot, config.webhooks, await readHeardStates(tx)));
      }
      return insertNotifications(tx, rows, now);
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
}
