// The Jobs page: every job, its schedule and next tick, and its recent runs.
import "server-only";
import { getConfig, jobDescriptions, jobNames } from "@/lib/config";
import { nextTick } from "@/lib/config/next-tick";
import { db } from "@/lib/db";
import type { JobOutcome, JobRunView, JobsData } from "./types";

const recentRunsPerJob = 20;

function toView(run: {
  id: bigint;
  job: string;
  trigger: string;
  worker: string;
  startedAt: Date;
  endedAt: Date | null;
  outcome: string;
  error: string | null;
  counts: unknown;
  warnings: unknown;
}): JobRunView {
  return {
    id: run.id.toString(),
    job: run.job,
    trigger: run.trigger,
    worker: run.worker,
    startedAt: run.startedAt.toISOString(),
    endedAt: run.endedAt?.toISOString() ?? null,
    durationMs: run.endedAt ? run.endedAt.getTime() - run.startedAt.getTime() : null,
    outcome: run.outcome as JobOutcome,
    error: run.error,
    counts: (run.counts ?? {}) as Record<string, number>,
    warnings: Array.isArray(run.warnings) ? run.warnings.map(String) : [],
  };
}

export async function getJobsData(): Promise<JobsData> {
  const database = db();
  const config = getConfig();
  const jobs = await Promise.all(
    jobNames.map(async (name) => {
      const settings = config.jobs[name];
      const [runs, lastSuccess] = await Promise.all([
        database.jobRun.findMany({
          where: { job: name },
          orderBy: { startedAt: "desc" },
          take: recentRunsPerJob,
        }),
        database.jobRun.findFirst({
          where: { job: name, outcome: "success" },
          orderBy: { startedAt: "desc" },
        }),
      ]);
      const recentRuns = runs.map(toView);
      return {
        name,
        description: jobDescriptions[name],
        schedule: settings.schedule,
        timeoutMs: settings.timeout,
        enabled: settings.enabled,
        nextRunAt: settings.enabled
          ? (nextTick(settings.schedule, config.timezone)?.toISOString() ?? null)
          : null,
        lastRun: recentRuns[0] ?? null,
        lastSuccessAt: lastSuccess?.endedAt?.toISOString() ?? null,
        recentRuns,
      };
    }),
  );
  return { generatedAt: new Date().toISOString(), timezone: config.timezone, jobs };
}
