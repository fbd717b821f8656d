"use client";
// The four numbers on top: the users total, this range's signups against the previous period,
// and day-over-day and week-over-week growth. They come from the summary; the total and the
// range's signups fall back to the series while the summary is missing.
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { formatCount, formatSignedCount } from "@/lib/api-client/format";
import {
  capitalize,
  describeGrowthRate,
  describePeriodChange,
  type Described,
  type MetricNouns,
} from "@/lib/api-client/growth-format";
import type { GrowthSummary } from "@/lib/growth/growth-types";

/** What the cards know: the summary when it answered, and what the series alone can tell. */
export type StatsInput = {
  summary: GrowthSummary | undefined;
  summaryPending: boolean;
  /** Why the summary is missing, when it failed. */
  summaryProblem: string | null;
  /** The series' newest total and its sum of increases, when there is a series. */
  fromSeries: { total: { value: number; at: string } | null; increase: number } | null;
  /** "last 7 d", "in this range". */
  rangeText: string;
  /** "previous 7 d". */
  previous: string;
  /** When the data was read. */
  readAt: string;
  nouns: MetricNouns;
};

function CardSkeleton() {
  return (
    <>
      <Skeleton width="70%" height="2.2rem" />
      <Skeleton width="55%" height="0.8rem" className="skeleton--gap" />
    </>
  );
}

export function TotalStat({ summary, summaryPending, fromSeries, readAt }: StatsInput) {
  const total = summary?.total ?? fromSeries?.total ?? null;
  return (
    <Card title={summary?.name ?? "Total users"} className="stat-card">
      {total ? (
        <>
          <p className="stat-card__value" data-testid="growth-total">
            {formatCount(total.value)}
          </p>
          <p className="stat-card__caption">
            {summary ? (
              summary.change24h === null ? (
                "Less than 24 h of data to compare · "
              ) : (
                <>
                  <span className={summary.change24h < 0 ? "trend-down" : "trend-up"}>
                    {formatSignedCount(summary.change24h)}
                  </span>{" "}
                  in 24 h ·{" "}
                </>
              )
            ) : summaryPending ? null : (
              "Newest value in range · "
            )}
            <RelativeTime iso={total.at} fallbackNow={readAt} />
          </p>
        </>
      ) : summaryPending || !fromSeries ? (
        <CardSkeleton />
      ) : (
        <EmptyState compact title="No users yet">
          No sample of this metric yet — ingest-metrics fills this; see{" "}
          <Link href="/jobs">Jobs</Link>.
        </EmptyState>
      )}
    </Card>
  );
}

export function PeriodStat({
  summary,
  summaryPending,
  summaryProblem,
  fromSeries,
  rangeText,
  previous,
  nouns,
}: StatsInput) {
  const increase = summary?.period.increase ?? fromSeries?.increase ?? null;
  const change = summary ? describePeriodChange(summary.period, previous) : null;
  return (
    <Card title={`${capitalize(nouns.increase)}, ${rangeText}`} className="stat-card">
      {increase === null ? (
        <CardSkeleton />
      ) : (
        <>
          <p className="stat-card__value">{formatCount(increase)}</p>
          <p className="stat-card__caption" data-testid="growth-period-change">
            {change ? (
              <DescribedText described={change} />
            ) : summaryPending ? (
              `comparing with the ${previous}…`
            ) : (
              `No comparison with the ${previous}: ${summaryProblem ?? "the summary is unavailable"}`
            )}
          </p>
        </>
      )}
    </Card>
  );
}

function DescribedText({ described }: { described: Described }) {
  const tone = described.missing
    ? undefined
    : described.text.startsWith("−")
      ? "trend-down"
      : "trend-up";
  return (
    <>
      <span className={tone}>{described.text}</span>
      <span className="stat-card__detail">{described.detail}</span>
    </>
  );
}

export function RateStat({
  per,
  summary,
  summaryPending,
  summaryProblem,
  nouns,
}: StatsInput & { per: "day" | "week" }) {
  const testId = per === "day" ? "growth-rate-dod" : "growth-rate-wow";
  const title = per === "day" ? "Day over day" : "Week over week";
  if (!summary) {
    return (
      <Card title={title} className="stat-card">
        {summaryPending ? (
          <CardSkeleton />
        ) : (
          <EmptyState compact title="Unavailable">
            {summaryProblem ?? "The growth summary could not be loaded."}
          </EmptyState>
        )}
      </Card>
    );
  }
  const rate = per === "day" ? summary.rates.dayOverDay : summary.rates.weekOverWeek;
  const described = describeGrowthRate(rate, per, nouns.increase);
  const tone = described.missing ? " stat-card__value--missing" : "";
  const trend = rate === null ? "" : rate < 0 ? " trend-down" : " trend-up";
  return (
    <Card title={title} className="stat-card">
      <p className={`stat-card__value${tone}${trend}`} data-testid={testId}>
        {described.text}
      </p>
      <p className="stat-card__caption">{described.detail}</p>
    </Card>
  );
}
