import cron from "node-cron";

/** When a cron schedule next fires, in the given time zone. */
export function nextTick(schedule: string, timezone: string): Date | null {
  const task = cron.createTask(schedule, () => undefined, { timezone });
  try {
    return task.getNextRuns(1)[0] ?? null;
  } finally {
    void task.destroy();
  }
}
