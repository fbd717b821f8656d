"use client";
// The Overview: the service, its freshness, four key numbers, the users chart, ranks and monitors,
// all from one query that refreshes every 15 s.
import { useQuery } from "@tanstack/react-query";
import { UsersChartContainer } from "@/components/charts/users-chart-container";
import { ErrorNotice } from "@/components/ui/error-notice";
import { PageHeader } from "@/components/ui/page-header";
import { RelativeTime } from "@/components/ui/relative-time";
import { overviewQuery } from "@/lib/api-client/overview";
import { FreshnessStrip } from "./freshness-strip";
import { MonitorsCard } from "./monitors-card";
import { OverviewSkeleton } from "./overview-skeleton";
import { RanksCard } from "./ranks-card";
import { BestRankStat, MonitorsStat, SignupsStat, UsersStat } from "./stat-cards";
import "./overview.css";

export function OverviewView() {
  const { data, error, isPending, isError, isFetching } = useQuery(overviewQuery());

  if (isPending) return <OverviewSkeleton />;
  if (!data) {
    return (
      <>
        <PageHeader eyebrow="Overview" title="Your launch" />
        <ErrorNotice what="the overview" error={error} />
      </>
    );
  }

  const { service, generatedAt } = data;
  return (
    <>
      <PageHeader
        eyebrow="Overview"
        title={service.name}
        description={
          service.url ? (
            <a href={service.url} target="_blank" rel="noopener noreferrer">
              {service.domain}
            </a>
          ) : (
            service.domain
          )
        }
        actions={
          <p className={`live${isError ? " live--stale" : ""}`} aria-live="polite">
            <span
              className={`live__dot${isFetching ? " live__dot--fetching" : ""}`}
              aria-hidden="true"
            />
            <span>
              {isError ? "Refresh failed; showing data from" : "Live · updated"}{" "}
              <RelativeTime iso={generatedAt} fallbackNow={generatedAt} />
            </span>
          </p>
        }
      />

      <FreshnessStrip jobs={data.jobs} generatedAt={generatedAt} />

      <div className="stack">
        <div className="grid grid--stats">
          <UsersStat users={data.users} generatedAt={generatedAt} />
          <SignupsStat users={data.users} signupsLastHour={data.signupsLastHour} />
          <BestRankStat ranks={data.ranks} />
          <MonitorsStat monitors={data.monitors} />
        </div>

        <UsersChartContainer />

        <div className="grid grid--halves">
          <RanksCard ranks={data.ranks} generatedAt={generatedAt} />
          <MonitorsCard monitors={data.monitors} generatedAt={generatedAt} />
        </div>
      </div>
    </>
  );
}
