// Every job the worker can run, by name. The configuration's `jobs` section schedules them.
import type { JobName } from "@/lib/config";
import { checkMonitors } from "./check-monitors";
import { ingestMetrics } from "./ingest-metrics";
import { ingestRanks } from "./ingest-ranks";
import { pruneChecksJob } from "./prune-checks";
import { sendPosts } from "./send-posts";
import type { Job } from "./types";

export const jobs: Record<JobName, Job> = {
  "ingest-metrics": ingestMetrics,
  "check-monitors": checkMonitors,
  "ingest-ranks": ingestRanks,
  "prune-checks": pruneChecksJob,
  "send-posts": sendPosts,
};

export function findJob(name: string): Job | undefined {
  return Object.hasOwn(jobs, name) ? jobs[name as JobName] : undefined;
}
