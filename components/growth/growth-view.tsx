"use client";
// The Growth page: the range and time zone in the URL, the numbers on top, signups and the running
// total with outages shaded and milestones marked, the next milestone's ETA and what outages cost.
// Series and summary refresh at an interval that fits the range.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { PageHeader } from "@/components/ui/page-header";
import { RelativeTime } from "@/components/ui/relative-time";
import {
  growthSeriesQuery,
  growthSummaryQuery,
  previousPeriodRequest,
  rangeSpanMs,
  refreshIntervalFor,
  seriesPath,
} from "@/lib/api-client/growth";
import { describeSpan, metricNouns, previousLabel } from "@/lib/api-client/growth-format";
import type { RangePreset } from "@/lib/growth/growth-types";
import { CumulativeChartCard } from "./cumulative-chart-card";
import { EtaCard } from "./eta-card";
import { milestoneMarkers, outageWindows, seriesFacts } from "./growth-chart-data";
import { PeriodStat, RateStat, TotalStat, type StatsInput } from "./growth-stats";
import { OutagesCard } from "./outages-card";
import { RangePicker } from "./range-picker";
import { SignupsChartCard } from "./signups-chart-card";
import { useGrowthState } from "./use-growth-state";
import { ViewOptions } from "./view-options";
import "@/components/overview/overview.css";
import "./growth.css";

function problemOf(error: unknown): string | null {
  return error instanceof Error ? `${error.message}.` : null;
}

export type GrowthViewProps = {
  configuredTimeZone: string;
  /** The range that holds all the data, for a URL that names none (rangeForExtent). */
  defaultRange: RangePreset;
};

export function GrowthView({ configuredTimeZone, defaultRange }: GrowthViewProps) {
  const { state, shown, request, update, isSwitching } = useGrowthState(
    configuredTimeZone,
    defaultRange,
  );
  const timeZone = request.tz;
  const series = useQuery({ ...growthSeriesQuery(request), placeholderData: keepPreviousData });
  const summary = useQuery({ ...growthSummaryQuery(request), placeholderData: keepPreviousData });
  const previousRequest = series.data ? previousPeriodRequest(series.data, request) : null;
  const previous = useQuery({
    ...growthSeriesQuery(previousRequest ?? request),
    // Not before the URL holds a time zone: the first one may be replaced by the viewer's.
    enabled: previousRequest !== null && state.tz !== null,
    placeholderData: keepPreviousData,
  });

  const span = series.data
    ? Date.parse(series.data.to) - Date.parse(series.data.from)
    : rangeSpanMs(state);
  const rangeText =
    state.range === "all"
      ? "since the first sample"
      : state.range === "custom"
        ? "in this range"
        : `over the last ${describeSpan(span ?? 0)}`;
  const previousText = previousLabel(state.range, span);
  const readAt = new Date(series.dataUpdatedAt || summary.dataUpdatedAt || 0).toISOString();
  const facts = series.data ? seriesFacts(series.data) : null;
  const nouns = metricNouns(request.metric, summary.data?.name);
  const stats: StatsInput = {
    summary: summary.data,
    summaryPending: summary.isPending,
    summaryProblem: problemOf(summary.error),
    fromSeries: facts,
    rangeText:
      state.range === "all"
        ? "all time"
        : state.range === "custom"
          ? "this range"
          : `last ${describeSpan(span ?? 0)}`,
    previous: previousText,
    readAt,
    nouns,
  };
  const rangeEnd = series.data?.to ?? summary.data?.to ?? readAt;
  const windows = summary.data ? outageWindows(summary.data.outages, rangeEnd, nouns.increase) : [];
  const markers = summary.data
    ? milestoneMarkers(summary.data.milestones, summary.data.metric)
    : [];
  const live = refreshIntervalFor(state) !== false;
  const stale = series.isError && series.data !== undefined;
  const busy = isSwitching || series.isPlaceholderData || summary.isPlaceholderData;

  return (
    <>
      <PageHeader
        eyebrow="Growth"
        title={summary.data?.name ?? "Growth"}
        description={
          <>
            <code>{request.metric}</code> · times in {timeZone}
          </>
        }
        actions={
          <p className={`live${stale ? " live--stale" : ""}`} aria-live="polite">
            <span
              className={`live__dot${series.isFetching ? " live__dot--fetching" : ""}`}
              aria-hidden="true"
            />
            {series.dataUpdatedAt ? (
              <span>
                {stale ? "Refresh failed; showing data from" : live ? "Live · updated" : "Updated"}{" "}
                <RelativeTime iso={readAt} fallbackNow={readAt} />
              </span>
            ) : (
              <span>{series.isError ? "Not loaded" : "Loading…"}</span>
            )}
          </p>
        }
      />

      <div className="growth-toolbar">
        <RangePicker
          state={shown}
          timeZone={timeZone}
          current={series.data ?? null}
          onChange={update}
        />
        <ViewOptions
          state={shown}
          timeZone={shown.tz ?? timeZone}
          configuredTimeZone={configuredTimeZone}
          autoUnit={state.unit === "auto" ? (series.data?.unit ?? null) : null}
          onChange={update}
        />
      </div>

      <div className={`stack${busy ? " growth--busy" : ""}`} aria-busy={busy}>
        <div className="grid grid--stats">
          <TotalStat {...stats} />
          <PeriodStat {...stats} />
          <RateStat {...stats} per="day" />
          <RateStat {...stats} per="week" />
        </div>

        <SignupsChartCard
          series={series.data}
          error={series.error}
          previous={previousRequest ? previous.data : undefined}
          previousLabel={previousText.replace(/^p/, "P")}
          nouns={nouns}
          metric={request.metric}
          timeZone={timeZone}
          csvHref={seriesPath(request, "csv")}
          windows={windows}
          markers={markers}
        />
        <CumulativeChartCard
          series={series.data}
          error={series.error}
          name={summary.data?.name ?? "Total users"}
          rangeText={rangeText}
          metric={request.metric}
          timeZone={timeZone}
          csvHref={seriesPath(request, "csv")}
          windows={windows}
          markers={markers}
        />

        {/* The outages table gets the whole width: its six columns do not fit half of it. */}
        <EtaCard
          summary={summary.data}
          pending={summary.isPending}
          problem={problemOf(summary.error)}
          timeZone={timeZone}
          nouns={nouns}
        />
        <OutagesCard
          summary={summary.data}
          pending={summary.isPending}
          problem={problemOf(summary.error)}
          timeZone={timeZone}
          readAt={readAt}
          nouns={nouns}
        />
      </div>
    </>
  );
}
