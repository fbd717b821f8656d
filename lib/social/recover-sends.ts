// Posts a sender left "sending" (it died, or was stopped, between claiming and recording). Where a
// second send cannot make a second post (Mastodon's Idempotency-Key, Bluesky's record key made
// from the post) the post goes back to pending. Where it can (X, a webhook), nobody can say
// whether it went out: it waits in reconcile for a founder to check the channel and decide.
import type { ChannelConfig } from "@/lib/config/schema";
import type { Database } from "@/lib/database/client";
import { noLiveSender, sendLeaseMs } from "./sender-lock";

/** Channel kinds whose posts can be sent again safely. */
const resendable = new Set<ChannelConfig["kind"]>(["mastodon", "bluesky"]);

export type Recovered = { requeued: number; reconcile: number };

export async function recoverStaleSends(
  db: Database,
  channels: readonly ChannelConfig[],
  now: Date,
): Promise<Recovered> {
  const safe = channels.filter((c) => resendable.has(c.kind)).map((c) => c.key);
  const leaseEnded = new Date(now.getTime() - sendLeaseMs);
  return db.$transaction(async (tx) => {
    const alone = await noLiveSender(tx);
    const requeued = await tx.$executeRaw`
      UPDATE post SET status = 'pending', next_attempt_at = ${now}, updated_at = ${now},
             error = 'the sender stopped while posting this; sent again under the same key'
      WHERE status = 'sending' AND (${alone} OR updated_at <= ${leaseEnded})
        AND channel = ANY(${safe}::text[])`;
    const reconcile = await tx.$executeRaw`
      UPDATE post SET status = 'reconcile', updated_at = ${now},
             error = 'channels.' || channel || ': the sender stopped while posting this, so it may or may not have been posted; check the channel, then mark it sent or send it again'
      WHERE status = 'sending' AND (${alone} OR updated_at <= ${leaseEnded})`;
    return { requeued, reconcile };
  });
}
