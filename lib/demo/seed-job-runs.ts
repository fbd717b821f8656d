// The worker's run history for the seeded week: one JobRun per tick of each scheduled job (its
// slot), started a little after the tick and ended a little later, with what the run counted.
// ingest-metrics runs fail while a metric source was down in an outage, naming each source as
// runEach does; the others succeed. Written in bulk.
import { hostname } from "node:os";
import type { Database } from "@/lib/database/client";
import { hashUnit } from "@/simulator/model/seeded";

export type SeededRun = {
  job: string;
  slot: Date;
  errors?: string[];
  counts?: Record<string, number>;
};

/** How long a run of each job takes, at most (a little more for the ones that download). */
const longestMs: Record<string, number> = { "ingest-ranks": 4_000, "send-posts": 300 };
const insertChunk = 20_000;

export async function insertJobRuns(db: Database, runs: SeededRun[]): Promise<number> {
  const worker = `${hostname()}:demo`;
  for (let i = 0; i < runs.length; i += insertChunk) {
    const part = runs.slice(i, i + insertChunk);
    const started = part.map((r) => r.slot.getTime() + Math.floor(hashUnit(r.job, +r.slot) * 900));
    const ended = part.map(
      (r, j) => started[j]! + 20 + Math.floor(hashUnit(+r.slot, r.job) * (longestMs[r.job] ?? 600)),
    );
    await db.$executeRaw`
      INSERT INTO job_run (job, slot, trigger, worker, started_at, ended_at, outcome, error, counts)
      SELECT r.job, r.slot, 'schedule', ${worker}, r.started, r.ended, r.outcome::job_outcome, r.error, r.counts::jsonb
      FROM unnest(${part.map((r) => r.job)}::text[],
                  ${part.map((r) => r.slot.toISOString())}::timestamptz[],
                  ${started.map((ms) => new Date(ms).toISOString())}::timestamptz[],
                  ${ended.map((ms) => new Date(ms).toISOString())}::timestamptz[],
                  ${part.map((r) => (r.errors?.length ? "failed" : "success"))}::text[],
                  ${part.map((r) => (r.errors?.length ? r.errors.join("\n") : null))}::text[],
                  ${part.map((r) => JSON.stringify({ ...r.counts, ...(r.errors?.length ? { failed: r.errors.length } : {}) }))}::text[])
        AS r(job, slot, started, ended, outcome, error, counts)
      ON CONFLICT (job, slot) DO NOTHING`;
  }
  return runs.length;
}
