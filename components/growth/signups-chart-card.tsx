"use client";
// Signups per bucket over the range, the previous period faint behind them, outages shaded and
// milestones marked; a line of text under it says the same for the server's HTML and screen readers.
import { ChartSignups, formatBucket } from "@/components/charts/chart-signups";
import type { AnnotationMarker, AnnotationWindow } from "@/components/charts/chart-frame";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { formatCount } from "@/lib/api-client/format";
import { capitalize, perUnitLabel, type MetricNouns } from "@/lib/api-client/growth-format";
import type { SeriesResponse } from "@/lib/growth/growth-types";
import { CsvLink } from "./csv-link";
import { seriesDomain, toBuckets, toSignupsData } from "./growth-chart-data";
import { useSeriesCard } from "./series-state";

const HEIGHT = 260;

export type SignupsChartCardProps = {
  series: SeriesResponse | undefined;
  error: unknown;
  previous: SeriesResponse | undefined;
  /** "Previous 24 h". */
  previousLabel: string;
  nouns: MetricNouns;
  metric: string;
  timeZone: string;
  csvHref: string;
  windows: AnnotationWindow[];
  markers: AnnotationMarker[];
};

/** The shaded windows' legend: "outage", "slowdown" or both, as the chart has them. */
function windowsLegend(windows: AnnotationWindow[]): string {
  const kinds = new Set(windows.map((window) => window.label.toLowerCase()));
  return [...kinds].sort().join(" / ");
}

export function SignupsChartCard(props: SignupsChartCardProps) {
  const { series, error, previous, timeZone } = props;
  const { isClient, facts, standIn } = useSeriesCard(series, error, props.metric, HEIGHT);
  const data = series ? toSignupsData(series, previous) : [];
  const withPrevious = data.some((datum) => datum.previous !== undefined);

  return (
    <Card
      title={
        series ? perUnitLabel(series.unit, props.nouns.increase) : capitalize(props.nouns.increase)
      }
      action={
        <span className="chart-card__actions">
          {withPrevious || props.windows.length ? (
            <span className="chart-legend" aria-hidden="true">
              {withPrevious ? (
                <>
                  <span className="chart-legend__item chart-legend__item--bar">this period</span>
                  <span className="chart-legend__item chart-legend__item--faint">
                    {props.previousLabel.toLowerCase()}
                  </span>
                </>
              ) : null}
              {props.windows.length ? (
                <span className="chart-legend__item chart-legend__item--window">
                  {windowsLegend(props.windows)}
                </span>
              ) : null}
            </span>
          ) : null}
          <CsvLink href={props.csvHref} what={props.nouns.increase} />
        </span>
      }
      className="chart-card growth-chart"
      data-testid="chart-signups"
    >
      {standIn ??
        (isClient && series ? (
          <ChartSignups
            data={data}
            unit={series.unit}
            label={capitalize(props.nouns.increase)}
            timeZone={timeZone}
            domain={seriesDomain(toBuckets(series))}
            previousLabel={withPrevious ? props.previousLabel : undefined}
            height={HEIGHT}
            windows={props.windows}
            markers={props.markers}
          />
        ) : (
          <Skeleton height={HEIGHT} />
        ))}
      {series && facts?.hasSamples ? (
        <p className="chart-card__caption">
          {formatCount(facts.increase)} {props.nouns.increase} across these {series.points.length}{" "}
          {series.unit}
          {series.points.length === 1 ? "" : "s"}
          {facts.busiest
            ? `; busiest ${series.unit} ${formatBucket(
                (facts.busiest.start + facts.busiest.end) / 2,
                series.unit,
                timeZone,
              )} with ${formatCount(facts.busiest.increase)}`
            : ""}
          .
        </p>
      ) : null}
    </Card>
  );
}
