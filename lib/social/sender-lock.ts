// Tells a live sender from a dead one. Every sendDuePosts holds a shared advisory lock from before
// it claims its first post until after it records its last; a process that dies loses its locks
// with its connection. So when the exclusive lock can be had, no sender is alive and every post
// still "sending" was left by one that died. Otherwise only a post older than the lease is.
import type { Database } from "@/lib/database/client";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A post "sending" for longer than this was left by a sender that stopped. */
export const sendLeaseMs = 120_000;

/** Runs `work` as a live sender; `work` uses its own connections, this one only holds the lock. */
export async function asLiveSender<T>(
  db: Database,
  maxMs: number,
  work: () => Promise<T>,
): Promise<T> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(hashtext('liftoff:posts'), hashtext('senders'))`;
      return work();
    },
    { timeout: maxMs, maxWait: 10_000 },
  );
}

/** True when no sender is alive; the answer holds until `tx` ends. */
export async function noLiveSender(tx: Prisma.TransactionClient): Promise<boolean> {
  const [row] = await tx.$queryRaw<{ alone: boolean }[]>`
    SELECT pg_try_advisory_xact_lock(hashtext('liftoff:posts'), hashtext('senders')) AS alone`;
  return row?.alone === true;
}

/** Serialises the claims of one channel's posts, so two senders never break its daily cap. */
export async function lockChannel(tx: Prisma.TransactionClient, channel: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('liftoff:posts'), hashtext(${`channel:${channel}`}))`;
}
