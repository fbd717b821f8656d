"use client";
// One job: what it does, when it runs, how its last run went, and its recent history.
import { RelativeTime } from "@/components/ui/relative-time";
import { OutcomeBadge } from "@/components/ui/status-dot";
import { formatDuration } from "@/lib/api-client/format";
import type { JobView } from "@/lib/dashboard/types";
import { formatCounts } from "./job-counts";
import { RunHistory } from "./run-history";
import { RunWarnings } from "./run-warnings";

export type JobRowProps = { job: JobView; generatedAt: string; timezone: string };

export function JobRow({ job, generatedAt, timezone }: JobRowProps) {
  const last = job.lastRun;
  const failedRun = job.recentRuns.find((run) => run.error);
  const lastFailed = last?.outcome === "failed" || last?.outcome === "timeout";

  return (
    <article
      id={`job-${job.name}`}
      className={`card job${lastFailed ? " job--failed" : ""}`}
      data-testid={`job-row-${job.name}`}
      data-outcome={last?.outcome ?? "never"}
    >
      <header className="job__header">
        <div>
          <h2 className="job__name">{job.name}</h2>
          <p className="job__description">{job.description}</p>
        </div>
        <div className="job__badges">
          {job.enabled ? null : <span className="badge">Disabled</span>}
          <OutcomeBadge outcome={last?.outcome ?? null} />
        </div>
      </header>

      <dl className="job__facts">
        <div>
          <dt>Schedule</dt>
          <dd>
            <code>{job.schedule}</code> <span className="muted">({timezone})</span>
          </dd>
        </div>
        <div>
          <dt>Next run</dt>
          <dd>
            {!job.enabled ? (
              "not scheduled"
            ) : job.nextRunAt ? (
              <RelativeTime iso={job.nextRunAt} fallbackNow={generatedAt} />
            ) : (
              "—"
            )}
          </dd>
        </div>
        <div>
          <dt>Freshness</dt>
          <dd className={job.lastSuccessAt ? undefined : "muted"}>
            {job.lastSuccessAt ? (
              <>
                last success <RelativeTime iso={job.lastSuccessAt} fallbackNow={generatedAt} />
              </>
            ) : (
              "no successful run yet"
            )}
          </dd>
        </div>
        <div>
          <dt>Last run</dt>
          <dd>
            {last ? (
              <>
                <RelativeTime iso={last.startedAt} fallbackNow={generatedAt} />
                {last.durationMs !== null
                  ? ` · took ${formatDuration(last.durationMs)}`
                  : " · still running"}
              </>
            ) : (
              "never"
            )}
          </dd>
        </div>
        <div>
          <dt>Timeout</dt>
          <dd>{formatDuration(job.timeoutMs)}</dd>
        </div>
        <div>
          <dt>Counts</dt>
          <dd className="numeric">{last ? formatCounts(last.counts) || "none" : "—"}</dd>
        </div>
      </dl>

      {failedRun?.error ? (
        <div className="job__error">
          <p className="job__error-title">
            {failedRun === last ? "Last run failed" : "Most recent error"}{" "}
            <RelativeTime iso={failedRun.startedAt} fallbackNow={generatedAt} />
          </p>
          <pre>{failedRun.error}</pre>
        </div>
      ) : null}

      <RunWarnings runs={job.recentRuns} generatedAt={generatedAt} />

      {job.recentRuns.length ? (
        <RunHistory runs={job.recentRuns} />
      ) : (
        <p className="job__never muted">
          {job.enabled
            ? "No runs recorded yet: the worker runs this job on its schedule, or run it once from the CLI."
            : "Disabled in liftoff.config.yaml, so the worker does not run it."}
        </p>
      )}
    </article>
  );
}
