// Retention: raw checks older than `checkRetention` are deleted, one monitor-day at a time (at
// most 8,640 rows at the 10 s minimum interval). Each batch first rebuilds that day's rollups from
// its complete checks, in the same transaction, so rollups never lose what the checks said and a
// stopped prune leaves no half-deleted day. Whole UTC days only: the day being written (whose
// rollups are recomputed from raw checks after every check) is never touched.
import type { Database } from "@/lib/database/client";
import { refreshCheckRollups } from "./check-rollups";

const dayMs = 86_400_000;

/** The first moment kept: the UTC day holding now - retention. */
export function retentionCutoff(now: Date, retentionMs: number): Date {
  return new Date(Math.floor((now.getTime() - retentionMs) / dayMs) * dayMs);
}

export async function pruneChecks(
  db: Database,
  options: { retentionMs: number; now?: Date; signal?: AbortSignal },
): Promise<number> {
  const cutoff = retentionCutoff(options.now ?? new Date(), options.retentionMs);
  const monitors = await db.$queryRaw<{ id: number }[]>`SELECT id FROM monitor ORDER BY id`;
  let deleted = 0;
  for (const monitor of monitors) {
    for (;;) {
      options.signal?.throwIfAborted();
      const [oldest] = await db.$queryRaw<{ day: Date | null }[]>`
        SELECT date_bin('1 day', min(at), timestamptz 'epoch') AS day
        FROM "check" WHERE monitor_id = ${monitor.id} AND at < ${cutoff}`;
      if (!oldest?.day) break;
      const day = oldest.day;
      const next = new Date(day.getTime() + dayMs);
      deleted += await db.$transaction(
        async (tx) => {
          await refreshCheckRollups(tx, monitor.id, day, new Date(next.getTime() - 1));
          return tx.$executeRaw`
            DELETE FROM "check" WHERE monitor_id = ${monitor.id} AND at >= ${day} AND at < ${next}`;
        },
        { timeout: 60_000 },
      );
    }
  }
  return deleted;
}
