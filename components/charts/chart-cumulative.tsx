"use client";
// A counter's running total over the range, as a filled line.
import { formatCompact, formatCount } from "@/lib/api-client/format";
import {
  type AnnotationMarker,
  type AnnotationWindow,
  ChartFrame,
  type ChartDatum,
} from "./chart-frame";

export type ChartCumulativeProps = {
  /** `{ t, total }`, oldest first. */
  data: ChartDatum[];
  /** The metric's name, e.g. "Total users". */
  label: string;
  timeZone: string;
  domain?: [number, number];
  height?: number;
  windows?: AnnotationWindow[];
  markers?: AnnotationMarker[];
};

const significant = new Map<number, Intl.NumberFormat>();

/**
 * Axis labels precise enough to tell the ticks apart: "1.2M" across a wide range, "52.94K" when
 * the total moved by a few dozen.
 */
export function axisFormatFor(values: number[]): (value: number) => string {
  const max = Math.max(...values.map(Math.abs));
  const spread = Math.max(...values) - Math.min(...values);
  if (!(max > 0)) return formatCompact;
  const digits = Math.min(6, Math.max(2, Math.ceil(Math.log10(max / (spread || 1))) + 2));
  let format = significant.get(digits);
  if (!format) {
    format = new Intl.NumberFormat("en-US", {
      notation: "compact",
      maximumSignificantDigits: digits,
    });
    significant.set(digits, format);
  }
  return (value) => format.format(value);
}

export function ChartCumulative({
  data,
  label,
  timeZone,
  domain,
  height = 240,
  windows,
  markers,
}: ChartCumulativeProps) {
  return (
    <ChartFrame
      data={data}
      series={[{ key: "total", label, color: "var(--chart-2)", kind: "area" }]}
      ariaLabel={`${label} over the range`}
      height={height}
      formatValue={formatCount}
      formatAxisValue={axisFormatFor(
        data.map((datum) => datum.total).filter((v): v is number => typeof v === "number"),
      )}
      timeZone={timeZone}
      domain={domain}
      windows={windows}
      markers={markers}
    />
  );
}
