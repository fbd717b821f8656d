"use client";
// The Overview's users chart: joins the overview query, its loading and empty states, and the
// transform from the API's series to chart points.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useIsClient } from "@/components/hooks/use-now";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { overviewQuery } from "@/lib/api-client/overview";
import type { OverviewData, SeriesPoint } from "@/lib/dashboard/types";
import type { AnnotationMarker, AnnotationWindow, ChartDatum } from "./chart-frame";
import { ChartUsersSparkline } from "./chart-users-sparkline";

const HEIGHT = 220;

function selectUsers(data: OverviewData) {
  return {
    users: data.users,
    series: data.usersSeries,
    outages: data.outages,
    now: data.generatedAt,
  };
}

/** The overview's outages as shaded windows; one still going ends now. */
export function toOutageWindows(outages: OverviewData["outages"], now: string): AnnotationWindow[] {
  return outages.map((o) => ({ from: o.from, to: o.to ?? now, label: "Outage", detail: o.label }));
}

export function toUsersChartData(series: SeriesPoint[]): ChartDatum[] {
  return series
    .map((point) => ({ t: Date.parse(point.at), users: point.value }))
    .filter((point) => Number.isFinite(point.t))
    .sort((a, b) => a.t - b.t);
}

export type UsersChartContainerProps = {
  /** Shaded windows (outages) to draw over the chart. */
  windows?: AnnotationWindow[];
  /** Moments (milestones) to mark on the chart. */
  markers?: AnnotationMarker[];
};

export function UsersChartContainer({ windows, markers }: UsersChartContainerProps) {
  const { data, isPending, isError } = useQuery({ ...overviewQuery(), select: selectUsers });
  // recharts measures the page, so it draws in the browser only, in the viewer's time zone.
  const isClient = useIsClient();
  const timeZone = isClient ? Intl.DateTimeFormat().resolvedOptions().timeZone : null;
  const title = data?.users ? `${data.users.name}, last 24 h` : "Users, last 24 h";
  const action = timeZone ? `times in ${timeZone}` : undefined;

  let body;
  if (isPending || !isClient) {
    body = <Skeleton height={HEIGHT} />;
  } else if (!data) {
    body = (
      <EmptyState title={isError ? "Couldn’t load the chart" : "No data"}>
        The overview could not be loaded; it is retried every few seconds.
      </EmptyState>
    );
  } else if (!data.users) {
    body = (
      <EmptyState title="Nothing to draw yet">
        No user metric ingested yet — the ingest-metrics job fills this; see{" "}
        <Link href="/jobs">Jobs</Link>.
      </EmptyState>
    );
  } else if (data.series.length < 2) {
    body = (
      <EmptyState title="Only one sample so far">
        A line needs two points, and the series is drawn in five-minute steps: the chart appears
        once ingest-metrics has samples a few minutes apart; see <Link href="/jobs">Jobs</Link>.
      </EmptyState>
    );
  } else {
    body = (
      <ChartUsersSparkline
        data={toUsersChartData(data.series)}
        label={data.users.name}
        height={HEIGHT}
        windows={windows ?? toOutageWindows(data.outages, data.now)}
        markers={markers}
      />
    );
  }

  return (
    <Card title={title} action={action} className="chart-card">
      {body}
    </Card>
  );
}
