"use client";
// One line per job: how fresh its data is, in red when its last run failed. Links to Jobs.
import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";
import { StatusDot } from "@/components/ui/status-dot";
import type { OverviewData } from "@/lib/dashboard/types";

type JobFreshness = OverviewData["jobs"][number];

function Freshness({ job, generatedAt }: { job: JobFreshness; generatedAt: string }) {
  const failed = job.outcome === "failed" || job.outcome === "timeout";
  if (failed && job.lastRunAt) {
    return (
      <>
        {job.outcome === "timeout" ? "timed out " : "failed "}
        <RelativeTime iso={job.lastRunAt} fallbackNow={generatedAt} />
      </>
    );
  }
  if (job.outcome === "running" && !job.lastSuccessAt) return <>running for the first time</>;
  if (job.lastSuccessAt) {
    return (
      <>
        updated <RelativeTime iso={job.lastSuccessAt} fallbackNow={generatedAt} />
      </>
    );
  }
  return <>never run</>;
}

export function FreshnessStrip({ jobs, generatedAt }: Pick<OverviewData, "jobs" | "generatedAt">) {
  if (!jobs.length) {
    return (
      <p className="freshness freshness--empty">
        No jobs are known yet, so nothing keeps this page fresh — schedule them under{" "}
        <code>jobs</code> in liftoff.config.yaml.
      </p>
    );
  }
  return (
    <ul className="freshness" aria-label="Data freshness">
      {jobs.map((job) => {
        const tone = job.outcome ?? "unknown";
        return (
          <li key={job.name}>
            <Link
              href={`/jobs#job-${job.name}`}
              className={`freshness__item freshness__item--${tone}`}
              data-testid={`job-${job.name}`}
              data-outcome={tone}
            >
              <StatusDot status={tone} label={false} />
              <span className="freshness__name">{job.name}</span>
              <span className="freshness__when">
                <Freshness job={job} generatedAt={generatedAt} />
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
