// Stores metric samples, from any source, in one transaction per batch:
//  1. each sample is checked: a finite value, a real time not in the future, and for counters
//     never negative; a counter lower than the sample before it follows a reset (counter-resets.ts);
//  2. the valid ones are stored idempotently (natural key (metric, at), and the pusher's own id);
//  3. each counter sample's reset-aware increase is (re)computed where the batch landed;
//  4. the minute, hour and day rollups that the batch touched are rebuilt, each level from the one
//     below, so a year of data is read from a few thousand rollup rows.
import type { Database } from "@/lib/database/client";
import { findCounterResets, type StoredSample, type TimelineSample } from "./counter-resets";
import type { RecordResult, RejectedSample, SampleInput } from "./sample-types";

/** How far ahead of our clock a sample's time may be (the source's clock may run a little fast). */
export const futureSkewMs = 5 * 60_000;

export type MetricRef = { key: string; kind: "counter" | "gauge" };

/** A transaction, or the client itself for bulk work outside one. */
export type Tx = Pick<Database, "$queryRaw" | "$executeRaw">;

function checkSample(input: SampleInput, metric: MetricRef, now: Date): string | null {
  if (typeof input.value !== "number" || !Number.isFinite(input.value)) {
    return `value is not a finite number: ${String(input.value)}`;
  }
  if (!(input.at instanceof Date) || Number.isNaN(input.at.getTime()))
    return "time is not a valid date";
  if (input.at.getTime() > now.getTime() + futureSkewMs) {
    return `time ${input.at.toISOString()} is in the future (now ${now.toISOString()})`;
  }
  if (metric.kind === "counter" && input.value < 0)
    return `a counter cannot be negative: ${input.value}`;
  return null;
}

async function storedAround(
  tx: Tx,
  metricId: number,
  from: Date,
  to: Date,
): Promise<StoredSample[]> {
  return tx.$queryRaw<StoredSample[]>`
    (SELECT at, value, reset FROM metric_sample WHERE metric_id = ${metricId} AND at < ${from} ORDER BY at DESC LIMIT 1)
    UNION ALL
    (SELECT at, value, reset FROM metric_sample WHERE metric_id = ${metricId} AND at BETWEEN ${from} AND ${to})
    UNION ALL
    (SELECT at, value, reset FROM metric_sample WHERE metric_id = ${metricId} AND at > ${to} ORDER BY at LIMIT 1)`;
}

async function insertSamples(tx: Tx, metricId: number, samples: TimelineSample[]): Promise<number> {
  const rows = await tx.$queryRaw<{ at: Date }[]>`
    INSERT INTO metric_sample (metric_id, at, value, reset, reset_reason, external_id)
    SELECT ${metricId}, s.at, s.value, s.reason IS NOT NULL, s.reason, s.external_id
    FROM unnest(${samples.map((s) => s.input.at.toISOString())}::timestamptz[],
                ${samples.map((s) => s.input.value)}::float8[],
                ${samples.map((s) => s.reason)}::reset_reason[],
                ${samples.map((s) => s.input.externalId ?? null)}::text[]) AS s(at, value, reason, external_id)
    ON CONFLICT DO NOTHING
    RETURNING at`;
  return rows.length;
}

/**
 * Finds the counter's resets around the batch (setting each sample's reason), marks stored
 * samples that a late sample turned into resets, and remembers the source's process start.
 */
async function settleCounterResets(
  tx: Tx,
  metric: { id: number; key: string; process_started_at: Date | null },
  samples: TimelineSample[],
  from: Date,
  to: Date,
): Promise<string[]> {
  const stored = await storedAround(tx, metric.id, from, to);
  const found = findCounterResets(metric.key, samples, stored, metric.process_started_at);
  if (found.storedResets.length > 0) {
    await tx.$executeRaw`
      UPDATE metric_sample SET reset = true, reset_reason = 'inferred'
      WHERE metric_id = ${metric.id} AND at = ANY(${found.storedResets.map((at) => at.toISOString())}::timestamptz[])`;
  }
  if (found.processStartedAt?.getTime() !== metric.process_started_at?.getTime()) {
    await tx.$executeRaw`
      UPDATE metric SET process_started_at = ${found.processStartedAt} WHERE id = ${metric.id}`;
  }
  return found.warnings;
}

/** Recomputes the reset-aware increase of every counter sample from `from` to the one after `to`. */
async function updateIncreases(tx: Tx, metricId: number, from: Date, to: Date): Promise<void> {
  await tx.$executeRaw`
    WITH bounds AS (
      SELECT coalesce((SELECT max(at) FROM metric_sample WHERE metric_id = ${metricId} AND at < ${from}), ${from}::timestamptz) AS lo,
             coalesce((SELECT min(at) FROM metric_sample WHERE metric_id = ${metricId} AND at > ${to}), ${to}::timestamptz) AS hi
    ), computed AS (
      SELECT at, CASE WHEN reset THEN value
                      WHEN lag(value) OVER w IS NULL THEN 0
                      ELSE value - lag(value) OVER w END AS increase
      FROM metric_sample, bounds
      WHERE metric_id = ${metricId} AND at BETWEEN bounds.lo AND bounds.hi
      WINDOW w AS (ORDER BY at)
    )
    UPDATE metric_sample s SET increase = c.increase
    FROM computed c
    WHERE s.metric_id = ${metricId} AND s.at = c.at AND s.at >= ${from} AND s.increase IS DISTINCT FROM c.increase`;
}

/** Rebuilds the minute, hour and day rollups (UTC-aligned) that cover [from, to]. */
async function updateRollups(tx: Tx, metricId: number, from: Date, to: Date): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO metric_rollup (metric_id, bucket, start, count, sum, min, max, last, last_at, increase)
    SELECT ${metricId}, 'minute', date_bin('1 minute', at, timestamptz 'epoch'), count(*)::int, sum(value), min(value),
           max(value), (array_agg(value ORDER BY at DESC))[1], max(at), sum(increase)
    FROM metric_sample
    WHERE metric_id = ${metricId}
      AND at >= date_bin('1 minute', ${from}::timestamptz, timestamptz 'epoch')
      AND at < date_bin('1 minute', ${to}::timestamptz, timestamptz 'epoch') + interval '1 minute'
    GROUP BY 3
    ON CONFLICT (metric_id, bucket, start) DO UPDATE SET count = excluded.count, sum = excluded.sum, min = excluded.min,
      max = excluded.max, last = excluded.last, last_at = excluded.last_at, increase = excluded.increase`;
  for (const [bucket, below, width] of [
    ["hour", "minute", "1 hour"],
    ["day", "hour", "1 day"],
  ] as const) {
    await tx.$executeRaw`
      INSERT INTO metric_rollup (metric_id, bucket, start, count, sum, min, max, last, last_at, increase)
      SELECT ${metricId}, ${bucket}::rollup_bucket, date_bin(${width}::interval, start, timestamptz 'epoch'), sum(count)::int,
             sum(sum), min(min), max(max), (array_agg(last ORDER BY last_at DESC))[1], max(last_at), sum(increase)
      FROM metric_rollup
      WHERE metric_id = ${metricId} AND bucket = ${below}::rollup_bucket
        AND start >= date_bin(${width}::interval, ${from}::timestamptz, timestamptz 'epoch')
        AND start < date_bin(${width}::interval, ${to}::timestamptz, timestamptz 'epoch') + ${width}::interval
      GROUP BY 3
      ON CONFLICT (metric_id, bucket, start) DO UPDATE SET count = excluded.count, sum = excluded.sum, min = excluded.min,
        max = excluded.max, last = excluded.last, last_at = excluded.last_at, increase = excluded.increase`;
  }
}

/**
 * Brings the increases and rollups of samples in [from, to] (and of the sample right after, whose
 * increase depends on them) up to date. Also used to rebuild them in bulk.
 */
export async function refreshDerived(
  tx: Tx,
  metricId: number,
  kind: MetricRef["kind"],
  from: Date,
  to: Date,
): Promise<void> {
  if (kind === "counter") await updateIncreases(tx, metricId, from, to);
  const [next] = await tx.$queryRaw<{ at: Date }[]>`
    SELECT at FROM metric_sample WHERE metric_id = ${metricId} AND at > ${to} ORDER BY at LIMIT 1`;
  await updateRollups(tx, metricId, from, next?.at ?? to);
}

export async function recordMetricSamples(
  db: Database,
  metric: MetricRef,
  inputs: SampleInput[],
  now: Date = new Date(),
): Promise<RecordResult> {
  const rejected: RejectedSample[] = [];
  const accepted: TimelineSample[] = [];
  inputs.forEach((input, index) => {
    const reason = checkSample(input, metric, now);
    if (reason) rejected.push({ index, reason });
    else accepted.push({ index, input, reason: null });
  });
  if (accepted.length === 0) return { accepted: 0, duplicates: 0, rejected, warnings: [] };

  return db.$transaction(
    async (tx) => {
      // One writer per metric at a time: the counter check and the increases need a stable timeline.
      const [row] = await tx.$queryRaw<
        { id: number; key: string; process_started_at: Date | null }[]
      >`
        SELECT id, key, process_started_at FROM metric WHERE key = ${metric.key} FOR UPDATE`;
      if (!row) {
        for (const a of accepted)
          rejected.push({ index: a.index, reason: `metric "${metric.key}" is not declared` });
        rejected.sort((a, b) => a.index - b.index);
        return { accepted: 0, duplicates: 0, rejected, warnings: [] };
      }
      const times = accepted.map((a) => a.input.at.getTime());
      const from = new Date(Math.min(...times));
      const to = new Date(Math.max(...times));
      const warnings =
        metric.kind === "counter" ? await settleCounterResets(tx, row, accepted, from, to) : [];
      const inserted = await insertSamples(tx, row.id, accepted);
      if (inserted > 0 || warnings.length > 0)
        await refreshDerived(tx, row.id, metric.kind, from, to);
      return {
        accepted: inserted,
        duplicates: accepted.length - inserted,
        rejected: rejected.sort((a, b) => a.index - b.index),
        warnings,
      };
    },
    { timeout: 30_000 },
  );
}
