// What the dashboard's API routes answer and its client components render. Plain JSON: times
// are ISO 8601 strings, counts are numbers. No database types leak through here.

export type JobOutcome = "running" | "success" | "failed" | "timeout";

export type JobRunView = {
  id: string;
  job: string;
  trigger: string;
  worker: string;
  startedAt: string;
  endedAt: string | null;
  durationMs: number | null;
  outcome: JobOutcome;
  error: string | null;
  counts: Record<string, number>;
  /** What went wrong without failing the run ("users_total: counter went down ..."). */
  warnings: string[];
};

export type JobView = {
  name: string;
  description: string;
  schedule: string;
  timeoutMs: number;
  enabled: boolean;
  nextRunAt: string | null;
  lastRun: JobRunView | null;
  /** The last successful run's end: how fresh this job's data is. */
  lastSuccessAt: string | null;
  /** Newest first. */
  recentRuns: JobRunView[];
};

export type JobsData = { generatedAt: string; timezone: string; jobs: JobView[] };

export type MonitorStatus = "up" | "degraded" | "down" | "unknown";

export type MonitorSummary = {
  key: string;
  name: string;
  status: MonitorStatus;
  lastCheckAt: string | null;
  latencyMs: number | null;
  /** Share of checks in the last 24 h that were up or degraded, 0..1; null without checks. */
  uptime24h: number | null;
};

export type RankSummary = {
  source: string;
  scope: string;
  kind: "exact" | "bucket" | "unranked";
  rank: number | null;
  bucketMin: number | null;
  bucketMax: number | null;
  at: string;
  /** Places gained (positive) or lost since the sample 24 h / 7 d earlier; null unless both exact. */
  change24h: number | null;
  change7d: number | null;
};

export type SeriesPoint = { at: string; value: number };

export type OverviewData = {
  generatedAt: string;
  timezone: string;
  service: { name: string; domain: string; url: string | null };
  /** The newest value of the first counter metric (users_total by convention). */
  users: {
    metric: string;
    name: string;
    total: number;
    at: string;
    change24h: number | null;
  } | null;
  /** The users metric over the last 24 h, oldest first, for a sparkline. */
  usersSeries: SeriesPoint[];
  signupsLastHour: number | null;
  /** Outage windows over the users series' span, shaded on its chart (to null: still going). */
  outages: { from: string; to: string | null; label: string }[];
  ranks: RankSummary[];
  monitors: MonitorSummary[];
  jobs: {
    name: string;
    lastRunAt: string | null;
    lastSuccessAt: string | null;
    outcome: JobOutcome | null;
  }[];
};
