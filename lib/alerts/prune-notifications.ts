// Retention for the outbox: messages sent, given up on, or recorded as a baseline are deleted once
// older than 30 days (their own constant: `checkRetention` speaks of raw checks only). Pending and sending ones are never touched, and neither is the last
// row of each subject for each destination: it is what planning compares with (what a webhook
// subscriber last heard and its sequence number; the "opened" alert of an outage still open), so
// deleting it would send that message again.
import type { Database } from "@/lib/database/client";

/** How long a message that is done with is kept. */
export const notificationRetentionMs = 30 * 86_400_000;

export async function pruneNotifications(db: Database, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - notificationRetentionMs);
  return db.$executeRaw`
    DELETE FROM notification n
    WHERE n.status IN ('sent', 'failed', 'baseline') AND n.created_at < ${cutoff}
      AND EXISTS (SELECT 1 FROM notification later
                  WHERE later.section = n.section AND later.destination = n.destination
                    AND later.subject = n.subject AND later.id > n.id)`;
}
