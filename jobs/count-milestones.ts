// Milestone rules are evaluated after each ingest, on what is stored now, and what they record
// is counted on the run.
import { detectAndRecordMilestones } from "@/lib/milestones/detect-milestones";
import type { JobContext } from "./types";

type Context = Pick<JobContext, "db" | "config" | "signal" | "count">;

export async function countMilestones({ db, config, signal, count }: Context): Promise<void> {
  signal.throwIfAborted();
  const recorded = await detectAndRecordMilestones(db, config, { now: new Date() });
  count("milestones", recorded.milestones);
  count("posts", recorded.posts);
}

/** Runs an ingest, then the rules: what the sources that answered stored still counts. */
export async function ingestThenCount(context: Context, ingest: () => Promise<void>) {
  const failure = await ingest().then(
    () => null,
    (error: unknown) => ({ error }),
  );
  await countMilestones(context);
  if (failure) throw failure.error;
}
