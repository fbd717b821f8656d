// One channel's turn in the outbox, in one transaction under the channel's lock: the due posts
// (pending ones, and dry-run ones not yet "posted") that its quiet hours and daily cap allow are
// taken, pending ones marked sending with one more attempt, dry-run ones given the moment they
// would have been posted. Due posts the window does not allow wait until it does. Pending posts
// are only taken when the channel can send (`canSend`); a dry run never needs the network.
import type { ChannelConfig } from "@/lib/config/schema";
import type { Database } from "@/lib/database/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { afterDailyCap, localDayStart, nextLocalDay, quietUntil } from "./posting-window";
import { lockChannel } from "./sender-lock";

export type ClaimedPost = {
  id: number;
  channel: string;
  status: "pending" | "dry_run";
  text: string;
  idempotencyKey: string;
  createdAt: Date;
  /** Attempts including this one. */
  attempts: number;
};

export type ChannelClaim = { toSend: ClaimedPost[]; dryRun: ClaimedPost[]; deferred: number };

export type ClaimOptions = { now: Date; timeZone: string; canSend: boolean };

export async function claimChannelPosts(
  db: Database,
  channel: ChannelConfig,
  { now, timeZone, canSend }: ClaimOptions,
): Promise<ChannelClaim> {
  const due = Prisma.sql`channel = ${channel.key} AND next_attempt_at <= ${now}
    AND ((status = 'dry_run' AND sent_at IS NULL) OR (${canSend} AND status = 'pending'))`;
  return db.$transaction(
    async (tx) => {
      // Posts taken below are no longer due (sending, or given their moment), so are never moved.
      const defer = (until: Date) =>
        tx.$executeRaw`UPDATE post SET next_attempt_at = ${until}, updated_at = ${now} WHERE ${due}`;
      await lockChannel(tx, channel.key);
      const quietEnd = quietUntil(now, channel.quietHours, timeZone);
      if (quietEnd) return { toSend: [], dryRun: [], deferred: await defer(quietEnd) };

      const [used] = await tx.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM post WHERE channel = ${channel.key}
        AND (status = 'sending' OR (sent_at >= ${localDayStart(now, timeZone)}
                                    AND sent_at < ${nextLocalDay(now, timeZone)}))`;
      const room = Math.max(0, channel.dailyCap - (used?.n ?? 0));
      const rows = await tx.$queryRaw<ClaimedPost[]>`
      SELECT id, channel, status::text AS status, text, idempotency_key AS "idempotencyKey",
             created_at AS "createdAt", attempts + 1 AS attempts
      FROM post WHERE ${due}
      ORDER BY next_attempt_at, id LIMIT ${room}
      FOR UPDATE SKIP LOCKED`;
      const toSend = rows.filter((r) => r.status === "pending");
      const dryRun = rows.filter((r) => r.status === "dry_run");
      await tx.$executeRaw`
      UPDATE post SET status = 'sending', attempts = attempts + 1, updated_at = ${now}
      WHERE id = ANY(${toSend.map((r) => r.id)}::int[])`;
      await tx.$executeRaw`
      UPDATE post SET sent_at = ${now}, updated_at = ${now}
      WHERE id = ANY(${dryRun.map((r) => r.id)}::int[])`;
      const full = rows.length === room;
      const deferred = full ? await defer(afterDailyCap(now, channel.quietHours, timeZone)) : 0;
      return { toSend, dryRun, deferred };
    },
    { maxWait: 10_000 },
  );
}
