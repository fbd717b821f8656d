// What "the service's data" is, for the seed's refusal and its --force: everything Liftoff
// recorded while watching (samples, checks, outages, incidents, maintenance, milestones and
// posts, alerts, job runs, the demo's launch moment). The catalogue the configuration syncs
// (sites, metrics, monitors, components), founders and the audit trail are not data of the
// service and are kept.
import type { Database } from "@/lib/database/client";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** Whether anything of the service was recorded yet. */
export async function hasServiceData(db: Database): Promise<boolean> {
  const [row] = await db.$queryRaw<{ used: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM metric_sample) OR EXISTS (SELECT 1 FROM rank_sample)
        OR EXISTS (SELECT 1 FROM "check") OR EXISTS (SELECT 1 FROM check_rollup)
        OR EXISTS (SELECT 1 FROM outage) OR EXISTS (SELECT 1 FROM incident)
        OR EXISTS (SELECT 1 FROM maintenance) OR EXISTS (SELECT 1 FROM milestone)
        OR EXISTS (SELECT 1 FROM demo_launch) AS used`;
  return row?.used ?? false;
}

/** What removeServiceData deletes, in order, by the name it reports. */
const removals: [string, (tx: Tx) => Promise<number>][] = [
  ["posts", (tx) => tx.$executeRaw`DELETE FROM post`],
  ["milestones", (tx) => tx.$executeRaw`DELETE FROM milestone`],
  ["incident updates", (tx) => tx.$executeRaw`DELETE FROM incident_update`],
  ["incidents", (tx) => tx.$executeRaw`DELETE FROM incident`],
  ["maintenance windows", (tx) => tx.$executeRaw`DELETE FROM maintenance`],
  ["outages", (tx) => tx.$executeRaw`DELETE FROM outage`],
  ["checks", (tx) => tx.$executeRaw`DELETE FROM "check"`],
  ["check rollups", (tx) => tx.$executeRaw`DELETE FROM check_rollup`],
  ["metric samples", (tx) => tx.$executeRaw`DELETE FROM metric_sample`],
  ["metric rollups", (tx) => tx.$executeRaw`DELETE FROM metric_rollup`],
  ["rank samples", (tx) => tx.$executeRaw`DELETE FROM rank_sample`],
  ["alerts and status webhooks", (tx) => tx.$executeRaw`DELETE FROM notification`],
  ["job runs", (tx) => tx.$executeRaw`DELETE FROM job_run`],
  ["demo launch moments", (tx) => tx.$executeRaw`DELETE FROM demo_launch`],
];

/** The names of what removeServiceData deletes, for messages. */
export const removedData = removals.map(([name]) => name);

/** Deletes the service's data in one transaction; answers how many rows of each went. */
export async function removeServiceData(db: Database): Promise<Record<string, number>> {
  return db.$transaction(
    async (tx) => {
      const removed: Record<string, number> = {};
      for (const [name, remove] of removals) removed[name] = await remove(tx);
      // The counters' remembered process start belongs to the samples just removed.
      await tx.$executeRaw`UPDATE metric SET process_started_at = NULL`;
      return removed;
    },
    { timeout: 120_000 },
  );
}
