"use client";
// What a growth chart shows instead of itself: a skeleton while loading (and on the server, since
// charts draw in the browser), and an empty state that says why when there is nothing to draw.
import Link from "next/link";
import { useIsClient } from "@/components/hooks/use-now";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { ApiError } from "@/lib/api-client/fetch-json";
import type { SeriesResponse } from "@/lib/growth/growth-types";
import { seriesFacts } from "./growth-chart-data";

export type SeriesStateProps = {
  series: SeriesResponse | undefined;
  error: unknown;
  /** The series has at least one sample in range. */
  hasSamples: boolean;
  metric: string;
  height: number;
};

const jobsLink = <Link href="/jobs">Jobs</Link>;

/** Null when the chart can be drawn. */
export function seriesStandIn({ series, error, hasSamples, metric, height }: SeriesStateProps) {
  if (!series && !error) return <Skeleton height={height} />;
  if (!series) {
    if (error instanceof ApiError && error.status === 404) {
      return (
        <EmptyState title={`No metric ${metric} yet`}>
          It appears with its first sample — ingest-metrics fills this; see {jobsLink}.
        </EmptyState>
      );
    }
    if (error instanceof ApiError && error.status === 422) {
      return (
        <EmptyState
          title="This view can’t be drawn"
          action={
            <Link href="/growth" className="button button--ghost button--small">
              Back to the last 24 h
            </Link>
          }
        >
          {error.message}
        </EmptyState>
      );
    }
    return (
      <EmptyState title="Couldn’t load the series">
        {error instanceof Error ? error.message : "Unknown error"}. It is retried on the next
        refresh.
      </EmptyState>
    );
  }
  if (!hasSamples) {
    return (
      <EmptyState title="No samples in this range">
        Nothing has been recorded for <code>{metric}</code> in this range yet — ingest-metrics fills
        this; see {jobsLink}.
      </EmptyState>
    );
  }
  return null;
}

/**
 * What every growth chart card starts with: whether it may draw (charts draw in the browser),
 * the series' facts, and the stand-in to show instead of the chart, if any.
 */
export function useSeriesCard(
  series: SeriesResponse | undefined,
  error: unknown,
  metric: string,
  height: number,
) {
  const isClient = useIsClient();
  const facts = series ? seriesFacts(series) : null;
  const standIn = seriesStandIn({
    series,
    error,
    hasSamples: facts?.hasSamples ?? false,
    metric,
    height,
  });
  return { isClient, facts, standIn };
}
