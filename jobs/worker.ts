// The worker: schedules every enabled job from the configuration with node-cron and runs each
// tick through runJob. Shutdown (SIGTERM/SIGINT) stops the schedules, tells running jobs to stop
// between batches, and waits for them; batches are transactions, so none is left half written.
import cron, { type ScheduledTask } from "node-cron";
import type { LoadedConfig } from "@/lib/config";
import { createDatabase } from "@/lib/database/client";
import { waitForDatabase } from "@/lib/database/wait";
import type { Logger } from "@/lib/log";
import { syncConfig } from "@/lib/setup/sync-config";
import { jobs as registry } from "./registry";
import { runJob } from "./run-job";
import type { Job } from "./types";

export type WorkerOptions = {
  config: LoadedConfig;
  databaseUrl: string;
  log: Logger;
  /** The jobs to schedule; the registry by default (tests pass their own). */
  jobs?: Record<string, Job>;
  /** Aborting it gives up waiting for the database. */
  signal?: AbortSignal;
};

export type Worker = { stop(): Promise<void> };

export async function startWorker({
  config,
  databaseUrl,
  log,
  jobs = registry,
  signal,
}: WorkerOptions): Promise<Worker> {
  const shutdown = new AbortController();
  await waitForDatabase(databaseUrl, log, { signal });
  const db = createDatabase(databaseUrl);
  await syncConfig(db, config);

  const inFlight = new Set<Promise<unknown>>();
  const tasks: ScheduledTask[] = [];
  for (const job of Object.values(jobs)) {
    const name = job.name;
    const settings = config.jobs[job.name];
    if (!settings?.enabled) continue;
    const task = cron.schedule(
      settings.schedule,
      (context) => {
        const run = runJob(
          job,
          { db, databaseUrl, config, log },
          { trigger: "schedule", slot: context.date, settings, shutdown: shutdown.signal },
        )
          .catch((error: unknown) => {
            // The database went away mid-tick: say so; the next tick tries again.
            log.error(
              { job: name, error: (error as Error).message },
              "tick lost: could not record the run",
            );
          })
          .finally(() => inFlight.delete(run));
        inFlight.add(run);
      },
      { name, timezone: config.timezone },
    );
    tasks.push(task);
    log.debug({ job: name, schedule: settings.schedule, timezone: config.timezone }, "scheduled");
  }

  log.info(
    { jobs: tasks.length },
    tasks.length > 0 ? "worker ready" : "worker ready, with every job disabled",
  );
  return {
    async stop() {
      for (const task of tasks) await task.destroy();
      shutdown.abort(new Error("shutdown"));
      await Promise.allSettled([...inFlight]);
      await db.$disconnect();
    },
  };
}
