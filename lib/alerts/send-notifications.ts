// What check-monitors calls once its outages and incidents are current: store the alerts and
// status webhooks they call for, then send what is due, within a time budget.
import type { Database } from "@/lib/database/client";
import type { Logger } from "@/lib/log";
import { deliverNotifications, type DeliveryResult } from "./deliver-notifications";
import { enqueueNotifications, type NotifyConfig } from "./enqueue-notifications";

export type SendResult = DeliveryResult & { queued: number };

export async function sendNotifications(
  db: Database,
  config: NotifyConfig,
  options: {
    log?: Logger;
    budgetMs?: number;
    env?: Record<string, string | undefined>;
    now?: Date;
  } = {},
): Promise<SendResult> {
  const queued = await enqueueNotifications(db, config, options.now);
  // Messages from an earlier run (retries, or a destination since removed) are still delivered.
  const delivered = await deliverNotifications(db, config, options);
  return { queued, ...delivered };
}
