// The samples a metric rule needs, and no others: the metric's first sample, and for each
// threshold not yet recorded the first sample at or over it with the one just before it. Reading
// a year of samples to find six crossings would be wasteful. Samples after `now` are not read.
import type { Database } from "@/lib/database/client";
import { type MetricPoint, type MetricRule, thresholdsBetween } from "../metric-rules";

/** The thresholds still to find, and the samples that straddle each. */
export async function readMetricCrossings(
  db: Database,
  rule: MetricRule,
  recorded: ReadonlySet<string>,
  now: Date,
): Promise<{ thresholds: number[]; samples: MetricPoint[] }> {
  const [range] = await db.$queryRaw<{ id: number; first: number | null; max: number | null }[]>`
    SELECT m.id,
      (SELECT value FROM metric_sample WHERE metric_id = m.id AND at <= ${now} ORDER BY at LIMIT 1) AS first,
      (SELECT max(value) FROM metric_sample WHERE metric_id = m.id AND at <= ${now}) AS max
    FROM metric m WHERE m.key = ${rule.metric}`;
  if (!range || range.first === null || range.max === null) return { thresholds: [], samples: [] };
  const thresholds = thresholdsBetween(rule.thresholds, range.first, range.max).filter(
    (t) => !recorded.has(`metric:${rule.key}:${t}`),
  );
  if (thresholds.length === 0) return { thresholds, samples: [] };
  const samples = await db.$queryRaw<MetricPoint[]>`
    (SELECT at, value FROM metric_sample WHERE metric_id = ${range.id} AND at <= ${now} ORDER BY at LIMIT 1)
    UNION
    SELECT around.at, around.value
    FROM unnest(${thresholds}::float8[]) AS t(threshold)
    CROSS JOIN LATERAL (
      SELECT at FROM metric_sample WHERE metric_id = ${range.id} AND value >= t.threshold AND at <= ${now}
      ORDER BY at LIMIT 1) AS hit
    CROSS JOIN LATERAL (
      SELECT at, value FROM metric_sample WHERE metric_id = ${range.id} AND at <= hit.at
      ORDER BY at DESC LIMIT 2) AS around`;
  return { thresholds, samples };
}
