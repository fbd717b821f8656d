// Stores rank readings: one RankSample per (site, source, scope, time), exact XOR bucket XOR
// unranked. A batch is checked whole before anything is written and written in one statement, so
// a bad reading stores nothing and a repeated run changes nothing. Within a UTC day a series keeps
// each change, not each repeat (decision 0004).
import type { Database } from "@/lib/database/client";
import { ValidationError } from "@/lib/errors";
import type { RankReading, RankValue } from "./rank-types";

/** The database, or a transaction on it (an import stores a whole file or nothing). */
export type RankWriter = Pick<Database, "site" | "$queryRaw">;

export type RecordRanksResult = { inserted: number; updated: number; unchanged: number };

/** Readings dated further ahead than this are refused: a clock or a parser is wrong. */
const MAX_SKEW_MS = 5 * 60_000;
const scopePattern = /^(global|[A-Z]{2})$/;

function describeValue(value: RankValue): string | null {
  switch (value.kind) {
    case "exact":
      return Number.isSafeInteger(value.rank) && value.rank >= 1
        ? null
        : `an exact rank must be a whole number from 1, found ${value.rank}`;
    case "bucket":
      if (!Number.isSafeInteger(value.min) || value.min < 1)
        return `a bucket must start at a whole number from 1, found ${value.min}`;
      if (value.max !== null && (!Number.isSafeInteger(value.max) || value.max < value.min))
        return `a bucket's end must be at least its start (${value.min}), found ${value.max}`;
      return null;
    case "unranked":
      return null;
    default:
      return `unknown rank kind ${JSON.stringify((value as { kind: unknown }).kind)}`;
  }
}

/** Why a reading cannot be stored, or null when it can. */
function checkReading(reading: RankReading, siteIds: Map<string, number>, now: number) {
  if (!siteIds.has(reading.domain)) return `${reading.domain} is not a tracked site`;
  if (!scopePattern.test(reading.scope))
    return `scope must be "global" or a two-letter country code, found ${JSON.stringify(reading.scope)}`;
  const at = reading.at.getTime();
  if (Number.isNaN(at)) return "its time is not a valid date";
  if (at > now + MAX_SKEW_MS) return `its time ${reading.at.toISOString()} is in the future`;
  return describeValue(reading.value);
}

/**
 * Stores `readings` of `source` (its configured key). Throws a ValidationError naming every
 * reading that cannot be stored, before writing anything.
 */
export async function recordRankReadings(
  db: RankWriter,
  source: string,
  readings: readonly RankReading[],
  options: { jobRunId?: bigint | null; now?: Date } = {},
): Promise<RecordRanksResult> {
  if (readings.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
  const sites = await db.site.findMany({ select: { id: true, domain: true } });
  const siteIds = new Map(sites.map((site) => [site.domain, site.id]));
  const now = (options.now ?? new Date()).getTime();
  const problems = readings.flatMap((reading, i) => {
    const problem = checkReading(reading, siteIds, now);
    return problem
      ? [`${source}: reading ${i + 1} (${reading.domain}, ${reading.scope}): ${problem}`]
      : [];
  });
  if (problems.length > 0) {
    const shown = problems.slice(0, 5).join("\n");
    const more = problems.length > 5 ? `\n… and ${problems.length - 5} more` : "";
    throw new ValidationError(`${shown}${more}`);
  }

  // The same key twice in one batch: the later reading wins, as a later run's would.
  const byKey = new Map<string, RankReading>();
  for (const reading of readings) {
    byKey.set(`${reading.domain}\u0000${reading.scope}\u0000${reading.at.getTime()}`, reading);
  }
  const rows = [...byKey.values()];
  const exact = (v: RankValue) => (v.kind === "exact" ? v.rank : null);
  const bucketMin = (v: RankValue) => (v.kind === "bucket" ? v.min : null);
  const bucketMax = (v: RankValue) => (v.kind === "bucket" ? v.max : null);
  // A new reading equal to the series' reading just before it on the same UTC day (stored or in
  // this batch) says nothing new and is not stored: an API read hourly keeps each change within
  // a day, not 24 copies of one rank. A reading at a time already stored is always written (a
  // re-published list corrects its day in place).
  const result = await db.$queryRaw<{ inserted: number; updated: number }[]>`
    WITH incoming AS (
      SELECT * FROM unnest(
        ${rows.map((r) => siteIds.get(r.domain)!)}::int[],
        ${rows.map((r) => r.scope)}::text[],
        ${rows.map((r) => r.at.toISOString())}::timestamptz[],
        ${rows.map((r) => r.value.kind)}::rank_kind[],
        ${rows.map((r) => exact(r.value))}::int[],
        ${rows.map((r) => bucketMin(r.value))}::int[],
        ${rows.map((r) => bucketMax(r.value))}::int[]
      ) AS t(site_id, scope, at, kind, rank, bucket_min, bucket_max)
    ), stored AS (
      SELECT r.site_id, r.scope, r.at, r.kind, r.rank, r.bucket_min, r.bucket_max
      FROM rank_sample r
      WHERE r.source = ${source}
        AND r.at >= (SELECT date_trunc('day', min(at), 'UTC') FROM incoming)
        AND r.at <= (SELECT max(at) FROM incoming)
        AND (r.site_id, r.scope) IN (SELECT site_id, scope FROM incoming)
    ), timeline AS (
      SELECT i.*, true AS fresh, s.at IS NOT NULL AS replaces
      FROM incoming i
      LEFT JOIN stored s ON s.site_id = i.site_id AND s.scope = i.scope AND s.at = i.at
      UNION ALL
      SELECT s.*, false, false
      FROM stored s
      LEFT JOIN incoming i ON i.site_id = s.site_id AND i.scope = s.scope AND i.at = s.at
      WHERE i.at IS NULL
    ), compared AS (
      SELECT t.*, lag(t.at) OVER w AS prev_at, lag(t.kind) OVER w AS prev_kind,
        lag(t.rank) OVER w AS prev_rank, lag(t.bucket_min) OVER w AS prev_min,
        lag(t.bucket_max) OVER w AS prev_max
      FROM timeline t
      WINDOW w AS (PARTITION BY t.site_id, t.scope, date_trunc('day', t.at, 'UTC') ORDER BY t.at)
    ), kept AS (
      SELECT site_id, scope, at, kind, rank, bucket_min, bucket_max FROM compared
      WHERE fresh AND (replaces OR prev_at IS NULL
        OR (kind, rank, bucket_min, bucket_max)
          IS DISTINCT FROM (prev_kind, prev_rank, prev_min, prev_max))
    ), written AS (
      INSERT INTO rank_sample (site_id, source, scope, at, kind, rank, bucket_min, bucket_max, job_run_id)
      SELECT site_id, ${source}, scope, at, kind, rank, bucket_min, bucket_max, ${options.jobRunId ?? null}::bigint
      FROM kept
      ON CONFLICT (site_id, source, scope, at) DO UPDATE
        SET kind = excluded.kind, rank = excluded.rank, bucket_min = excluded.bucket_min,
            bucket_max = excluded.bucket_max, job_run_id = excluded.job_run_id
        WHERE (rank_sample.kind, rank_sample.rank, rank_sample.bucket_min, rank_sample.bucket_max)
          IS DISTINCT FROM (excluded.kind, excluded.rank, excluded.bucket_min, excluded.bucket_max)
      RETURNING (xmax = 0) AS inserted
    )
    SELECT (count(*) FILTER (WHERE inserted))::int AS inserted,
           (count(*) FILTER (WHERE NOT inserted))::int AS updated
    FROM written`;
  const { inserted, updated } = result[0] ?? { inserted: 0, updated: 0 };
  return { inserted, updated, unchanged: rows.length - inserted - updated };
}
