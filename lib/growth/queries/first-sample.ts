import type { Database } from "@/lib/database/client";

/** When a metric's first sample was taken, or null. */
export async function firstSampleAt(db: Database, metric: string): Promise<Date | null> {
  const [row] = await db.$queryRaw<{ at: Date | null }[]>`
    SELECT min(s.at) AS at FROM metric_sample s JOIN metric m ON m.id = s.metric_id WHERE m.key = ${metric}`;
  return row?.at ?? null;
}
