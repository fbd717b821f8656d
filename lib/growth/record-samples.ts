// Stores metric samples, from any source, in one transaction per batch:
//  1. each sample is checked: a finite value, a real time not in the future, and for counters
//     never negative and never lower than the sample before it unless the source reports a reset;
//  2. the valid ones are stored idempotently (natural key (metric, at), and the pusher's own id);
//  3. each counter sample's reset-aware increase is (re)computed where the batch landed;
//  4. the minute, hour and day rollups that the batch touched are rebuilt, each level from the one
//     below, so a year of data is read from a few thousand rollup rows.
import type { Database } from "@/lib/database/client";
import type { RecordResult, RejectedSample, SampleInput } from "./sample-types";

/** How far ahead of our clock a sample's time may be (the source's clock may run a little fast). */
export const futureSkewMs = 5 * 60_000;

export type MetricRef = { key: string; kind: "counter" | "gauge" };

/** A transaction, or the client itself for bulk work outside one. */
export type Tx = Pick<Database, "$queryRaw" | "$executeRaw">;
type Stored = { at: Date; value: number };
type Accepted = { index: number; input: SampleInput; reset: boolean };

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

/**
 * Walks the counter's timeline (what is stored plus the batch, in time order) and refuses a drop
 * that no reset explains: neither flagged by the source nor after a process start it reported.
 */
function checkCounterTimeline(
  accepted: Accepted[],
  stored: Stored[],
  rejected: RejectedSample[],
): Accepted[] {
  const storedTimes = new Set(stored.map((s) => s.at.getTime()));
  const events = [
    ...stored.map((s) => ({ at: s.at, value: s.value, sample: null as Accepted | null })),
    ...accepted
      .filter((a) => !storedTimes.has(a.input.at.getTime()))
      .map((a) => ({ at: a.input.at, value: a.input.value, sample: a })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  const kept = new Set<Accepted>();
  let previous: Stored | null = null;
  for (const event of events) {
    const sample = event.sample;
    if (sample && previous && event.value < previous.value) {
      const restarted =
        sample.input.startedAt !== undefined && sample.input.startedAt > previous.at;
      if (!sample.input.reset && !restarted) {
        rejected.push({
          index: sample.index,
          reason: `counter went down from ${previous.value} to ${event.value} at ${event.at.toISOString()} without a reset`,
        });
        continue;
      }
      sample.reset = true;
    }
    if (sample) kept.add(sample);
    previous = { at: event.at, value: event.value };
  }
  // Samples at a time already stored are duplicates: keep them for the idempotent insert to skip.
  return accepted.filter((a) => kept.has(a) || storedTimes.has(a.input.at.getTime()));
}

async function storedAround(tx: Tx, metricId: number, from: Date, to: Date): Promise<Stored[]> {
  return tx.$queryRaw<Stored[]>`
    (SELECT at, value FROM metric_sample WHERE metric_id = ${metricId} AND at < ${from} ORDER BY at DESC LIMIT 1)
    UNION ALL
    (SELECT at, value FROM metric_sample WHERE metric_id = ${metricId} AND at BETWEEN ${from} AND ${to})
    UNION ALL
    (SELECT at, value FROM metric_sample WHERE metric_id = ${metricId} AND at > ${to} ORDER BY at LIMIT 1)`;
}

async function insertSamples(tx: Tx, metricId: number, samples: Accepted[]): Promise<number> {
  const rows = await tx.$queryRaw<{ at: Date }[]>`
    INSERT INTO metric_sample (metric_id, at, value, reset, external_id)
    SELECT ${metricId}, s.at, s.value, s.reset, s.external_id
    FROM unnest(${samples.map((s) => s.input.at.toISOString())}::timestamptz[],
                ${samples.map((s) => s.input.value)}::float8[],
                ${samples.map((s) => s.reset)}::bool[],
                ${samples.map((s) => s.input.externalId ?? null)}::text[]) AS s(at, value, reset, external_id)
    ON CONFLICT DO NOTHING
    RETURNING at`;
  return rows.length;
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
  let accepted: Accepted[] = [];
  inputs.forEach((input, index) => {
    const reason = checkSample(input, metric, now);
    if (reason) rejected.push({ index, reason });
    else accepted.push({ index, input, reset: metric.kind === "counter" && input.reset === true });
  });
  if (accepted.length === 0) return { accepted: 0, duplicates: 0, rejected };

  return db.$transaction(
    async (tx) => {
      // One writer per metric at a time: the counter check and the increases need a stable timeline.
      const [row] = await tx.$queryRaw<
        { id: number }[]
      >`SELECT id FROM metric WHERE key = ${metric.key} FOR UPDATE`;
      if (!row) {
        for (const a of accepted)
          rejected.push({ index: a.index, reason: `metric "${metric.key}" is not declared` });
        return { accepted: 0, duplicates: 0, rejected: rejected.sort((a, b) => a.index - b.index) };
      }
      const times = accepted.map((a) => a.input.at.getTime());
      const from = new Date(Math.min(...times));
      const to = new Date(Math.max(...times));
      if (metric.kind === "counter") {
        accepted = checkCounterTimeline(
          accepted,
          await storedAround(tx, row.id, from, to),
          rejected,
        );
      }
      const inserted = accepted.length > 0 ? await insertSamples(tx, row.id, accepted) : 0;
      if (inserted > 0) await refreshDerived(tx, row.id, metric.kind, from, to);
      return {
        accepted: inserted,
        duplicates: accepted.length - inserted,
        rejected: rejected.sort((a, b) => a.index - b.index),
      };
    },
    { timeout: 30_000 },
  );
}
