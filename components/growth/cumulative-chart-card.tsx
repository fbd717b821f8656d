"use client";
// The running total over the range, with the same annotations as the signups chart.
import { ChartCumulative } from "@/components/charts/chart-cumulative";
import type { AnnotationMarker, AnnotationWindow } from "@/components/charts/chart-frame";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { formatCount } from "@/lib/api-client/format";
import type { SeriesResponse } from "@/lib/growth/growth-types";
import { CsvLink } from "./csv-link";
import { seriesDomain, toBuckets, toCumulativeData } from "./growth-chart-data";
import { useSeriesCard } from "./series-state";

const HEIGHT = 240;

export type CumulativeChartCardProps = {
  series: SeriesResponse | undefined;
  error: unknown;
  /** The metric's name, e.g. "Total users". */
  name: string;
  rangeText: string;
  metric: string;
  timeZone: string;
  csvHref: string;
  windows: AnnotationWindow[];
  markers: AnnotationMarker[];
};

export function CumulativeChartCard(props: CumulativeChartCardProps) {
  const { series, error, name, timeZone } = props;
  const { isClient, standIn } = useSeriesCard(series, error, props.metric, HEIGHT);
  const data = series ? toCumulativeData(series) : [];
  const values = data.map((datum) => datum.total).filter((v): v is number => typeof v === "number");

  return (
    <Card
      title={name}
      action={<CsvLink href={props.csvHref} what="totals" />}
      className="chart-card growth-chart"
      data-testid="chart-cumulative"
    >
      {standIn ??
        (isClient && series ? (
          <ChartCumulative
            data={data}
            label={name}
            timeZone={timeZone}
            domain={seriesDomain(toBuckets(series))}
            height={HEIGHT}
            windows={props.windows}
            markers={props.markers}
          />
        ) : (
          <Skeleton height={HEIGHT} />
        ))}
      {values.length ? (
        <p className="chart-card__caption">
          From {formatCount(values[0]!)} to {formatCount(values[values.length - 1]!)}{" "}
          {props.rangeText}.
        </p>
      ) : null}
    </Card>
  );
}
