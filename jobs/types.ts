import type { JobName, LoadedConfig } from "@/lib/config";
import type { Database } from "@/lib/database/client";
import type { Logger } from "@/lib/log";

/** What every run gets from the wrapper (jobs/run-job.ts). */
export type JobContext = {
  /** This run's JobRun id: stored samples point back at the run that wrote them. */
  runId: bigint;
  db: Database;
  config: LoadedConfig;
  log: Logger;
  /** Aborted on timeout or shutdown: stop between batches, never in the middle of one. */
  signal: AbortSignal;
  /** Adds to a named count recorded on the JobRun ("samples", "failed"...). */
  count(name: string, by?: number): void;
};

/** A job: a scheduled one by default; a one-off run (an import) may carry another name. */
export type Job<Name extends string = JobName> = {
  name: Name;
  run(context: JobContext): Promise<void>;
};
