// The exit codes of Liftoff's command line, each meaning one thing, so a cron line or a CI step
// can tell a run that failed from one that could not start. Codes past 3 follow sysexits.h.
import type { RunOutcome } from "./run-job";

export const exitCodes = {
  success: 0,
  /** The run failed: a source, a write or the job itself (the JobRun has the error). */
  failed: 1,
  /** The run was stopped at the job's timeout. */
  timeout: 2,
  /** Not run: this tick already ran, or another worker is running the job. */
  skipped: 3,
  /** The command line was wrong (an unknown job, a missing argument). EX_USAGE. */
  usage: 64,
  /** PostgreSQL could not be reached in time. EX_UNAVAILABLE. */
  databaseUnreachable: 69,
  /** An unexpected error inside Liftoff (a bug): its stack is printed. EX_SOFTWARE. */
  internal: 70,
  /** The configuration file or the environment is wrong; nothing ran. EX_CONFIG. */
  config: 78,
} as const;

export function exitCodeOf(outcome: RunOutcome): number {
  return exitCodes[outcome];
}
