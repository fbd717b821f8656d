import type { Database } from "@/lib/database/client";

/** Stores one metric value; the natural key (metric, at) makes a repeat a no-op. Returns true when new. */
export async function recordMetricSample(
  db: Database,
  metricKey: string,
  at: Date,
  value: number,
): Promise<boolean> {
  const inserted = await db.$executeRaw`
    INSERT INTO metric_sample (metric_id, at, value)
    SELECT id, ${at}, ${value} FROM metric WHERE key = ${metricKey}
    ON CONFLICT (metric_id, at) DO NOTHING`;
  return inserted === 1;
}
