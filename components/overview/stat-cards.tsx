"use client";
// The four numbers at the top of the Overview: users, signups, best rank, monitors.
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { StatusDot } from "@/components/ui/status-dot";
import { formatCount, formatRank, formatSignedCount } from "@/lib/api-client/format";
import { describeMonitors, overallStatus } from "@/lib/api-client/monitors";
import { bestGlobalRank } from "@/lib/api-client/ranks";
import type { OverviewData } from "@/lib/dashboard/types";
import { UsersEta } from "./users-eta";

const jobsLink = <Link href="/jobs">Jobs</Link>;

export function UsersStat({ users, generatedAt }: Pick<OverviewData, "users" | "generatedAt">) {
  return (
    <Card title="Total users" className="stat-card">
      {users ? (
        <>
          <p className="stat-card__value" data-testid="users-total">
            {formatCount(users.total)}
          </p>
          <p className="stat-card__caption">
            {users.change24h === null ? (
              "Less than 24 h of data to compare"
            ) : (
              <>
                <span className={users.change24h < 0 ? "trend-down" : "trend-up"}>
                  {formatSignedCount(users.change24h)}
                </span>{" "}
                in 24 h
              </>
            )}
            {" · "}
            <RelativeTime iso={users.at} fallbackNow={generatedAt} />
          </p>
          <UsersEta metric={users.metric} />
        </>
      ) : (
        <EmptyState compact title="No users yet">
          No user metric ingested yet — the ingest-metrics job fills this; see {jobsLink}.
        </EmptyState>
      )}
    </Card>
  );
}

export function SignupsStat({
  users,
  signupsLastHour,
}: Pick<OverviewData, "users" | "signupsLastHour">) {
  return (
    <Card title="Signups, last hour" className="stat-card">
      {signupsLastHour !== null ? (
        <>
          <p className="stat-card__value" data-testid="signups-last-hour">
            {formatCount(signupsLastHour)}
          </p>
          <p className="stat-card__caption">
            New {users?.name.toLowerCase() ?? "users"} in the hour to the latest sample
          </p>
        </>
      ) : (
        <EmptyState compact title="Not enough history">
          {users
            ? "Signups are the change in the user metric over an hour; the first hour of samples is still being collected."
            : "Counted from the user metric, which nothing has ingested yet — the ingest-metrics job fills it."}{" "}
          See {jobsLink}.
        </EmptyState>
      )}
    </Card>
  );
}

export function BestRankStat({ ranks }: Pick<OverviewData, "ranks">) {
  const best = bestGlobalRank(ranks);
  return (
    <Card title="Best global rank" className="stat-card">
      {best ? (
        <>
          <p className="stat-card__value">{formatRank(best)}</p>
          <p className="stat-card__caption">
            on {best.source}
            {best.kind === "bucket" ? " (a bucket: the source gives no exact place)" : ""}
          </p>
        </>
      ) : (
        <EmptyState compact title={ranks.length ? "Not ranked yet" : "No rank data"}>
          {ranks.length
            ? "The rank sources do not list the service globally yet."
            : "No rank source has reported yet — rank tracking fills this once rank sources are configured."}
        </EmptyState>
      )}
    </Card>
  );
}

export function MonitorsStat({ monitors }: Pick<OverviewData, "monitors">) {
  return (
    <Card title="Current status" className="stat-card">
      {monitors.length ? (
        <>
          <p className="stat-card__value stat-card__value--status">
            <StatusDot status={overallStatus(monitors)} label={false} />
            {describeMonitors(monitors)}
          </p>
          <p className="stat-card__caption">
            {monitors.length} monitor{monitors.length === 1 ? "" : "s"}, checked by check-monitors
          </p>
        </>
      ) : (
        <EmptyState compact title="No monitors">
          Declare monitors under <code>monitors</code> in liftoff.config.yaml; the check-monitors
          job probes them.
        </EmptyState>
      )}
    </Card>
  );
}
