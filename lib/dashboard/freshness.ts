import type { Database } from "@/lib/database/client";
import { jobNames } from "@/lib/config";
import type { OverviewData } from "./types";

/** Per job: when it last ran, its outcome, and when it last succeeded. */
export async function getJobFreshness(database: Database): Promise<OverviewData["jobs"]> {
  const rows = await database.$queryRaw<
    { job: string; last_run: Date | null; outcome: string | null; last_success: Date | null }[]
  >`
    SELECT j.job, last.started_at AS last_run, last.outcome::text AS outcome,
      (SELECT max(ended_at) FROM job_run s WHERE s.job = j.job AND s.outcome = 'success') AS last_success
    FROM unnest(${[...jobNames]}::text[]) AS j(job)
    LEFT JOIN LATERAL (SELECT started_at, outcome FROM job_run r WHERE r.job = j.job ORDER BY started_at DESC LIMIT 1) last ON true`;
  return rows.map((r) => ({
    name: r.job,
    lastRunAt: r.last_run?.toISOString() ?? null,
    lastSuccessAt: r.last_success?.toISOString() ?? null,
    outcome: (r.outcome as OverviewData["jobs"][number]["outcome"]) ?? null,
  }));
}
