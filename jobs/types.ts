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
  /** When the run times out: a source that would have to wait past it gives up at once. */
  deadline: Date;
  /** What the run is waiting for now ("tranco", "metric users_total"); a timeout names them. */
  inProgress: Set<string>;
  /** Adds to a named count recorded on the JobRun ("samples", "failed"...). */
  count(name: string, by?: number): void;
  /** Records something worth a look that does not fail the run (shown on the Jobs page). */
  warn(message: string): void;
};

/** A job: a scheduled one by default; a one-off run (an import) may carry another name. */
export type Job<Name extends string = JobName> = {
  name: Name;
  run(context: JobContext): Promise<void>;
};
