import type { JobName } from "./schema";

/** What each job does, in a line, for the Jobs page and `jobs list`. */
export const jobDescriptions: Record<JobName, string> = {
  "ingest-metrics": "Reads every configured metric source (signups, users) and stores a sample.",
  "check-monitors": "Probes every monitor whose interval has passed and stores the check.",
  "ingest-ranks":
    "Reads every rank source (lists, APIs, pages) for the service and competitors and stores the ranks.",
  "prune-checks":
    "Deletes raw checks older than checkRetention, a day at a time; their minute, hour and day rollups stay.",
  "send-posts":
    "Evaluates the milestone rules, then posts what is due to each channel within its quiet hours and daily cap.",
};
