"use client";
// The Jobs page: every job the worker runs, refreshed every 15 s.
import { useQuery } from "@tanstack/react-query";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorNotice } from "@/components/ui/error-notice";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { jobsQuery } from "@/lib/api-client/jobs";
import { JobRow } from "./job-row";
import "./jobs.css";

const header = (
  <PageHeader
    eyebrow="Operations"
    title="Jobs"
    description="What keeps the dashboard fresh: every scheduled job, its next run and its recent runs."
  />
);

export function JobsView() {
  const { data, error, isPending } = useQuery(jobsQuery());

  if (isPending) {
    return (
      <>
        {header}
        <div className="jobs" aria-busy="true">
          {[0, 1].map((row) => (
            <div key={row} className="card">
              <Skeleton width="30%" height="1.2rem" />
              <Skeleton width="60%" className="skeleton--gap" />
              <Skeleton height="3rem" className="skeleton--gap" />
            </div>
          ))}
        </div>
      </>
    );
  }
  if (!data) {
    return (
      <>
        {header}
        <ErrorNotice what="the jobs" error={error} />
      </>
    );
  }

  return (
    <>
      {header}
      {data.jobs.length ? (
        <div className="jobs">
          {data.jobs.map((job) => (
            <JobRow
              key={job.name}
              job={job}
              generatedAt={data.generatedAt}
              timezone={data.timezone}
            />
          ))}
        </div>
      ) : (
        <EmptyState title="No jobs">
          No jobs are known to the worker. Schedule them under <code>jobs</code> in
          liftoff.config.yaml and start the worker.
        </EmptyState>
      )}
    </>
  );
}
