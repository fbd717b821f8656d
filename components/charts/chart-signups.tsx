"use client";
// Signups per bucket as bars, with the previous period as a faint dashed line when given.
import {
  formatCompact,
  formatCount,
  formatDateTime,
  formatTimeTick,
} from "@/lib/api-client/format";
import type { SeriesUnit } from "@/lib/growth/growth-types";
import {
  type AnnotationMarker,
  type AnnotationWindow,
  ChartFrame,
  type ChartDatum,
  type ChartSeries,
} from "./chart-frame";

export type ChartSignupsProps = {
  /** `{ t, signups, previous? }`, t in the middle of each bucket. */
  data: ChartDatum[];
  unit: SeriesUnit;
  /** What a bar counts, e.g. "Signups". */
  label?: string;
  timeZone: string;
  domain?: [number, number];
  /** The previous period's name in the tooltip, e.g. "Previous 24 h"; no line without it. */
  previousLabel?: string;
  height?: number;
  windows?: AnnotationWindow[];
  markers?: AnnotationMarker[];
};

const HOUR = 3_600_000;

/** A bucket from its middle: "Mar 4, 14:05", "Mar 4, 14:00–15:00" or "Mar 4". */
export function formatBucket(middle: number, unit: SeriesUnit, timeZone: string): string {
  if (unit === "minute") return formatDateTime(middle - 30_000, timeZone);
  if (unit === "hour") {
    const start = middle - HOUR / 2;
    return `${formatDateTime(start, timeZone)}–${formatTimeTick(start + HOUR, HOUR, timeZone)}`;
  }
  return formatTimeTick(middle, 48 * HOUR, timeZone);
}

export function ChartSignups({
  data,
  unit,
  label = "Signups",
  timeZone,
  domain,
  previousLabel,
  height = 240,
  windows,
  markers,
}: ChartSignupsProps) {
  const series: ChartSeries[] = [{ key: "signups", label, color: "var(--chart-1)", kind: "bar" }];
  if (previousLabel) {
    series.push({
      key: "previous",
      label: previousLabel,
      color: "var(--chart-3)",
      kind: "line",
      faint: true,
    });
  }
  return (
    <ChartFrame
      data={data}
      series={series}
      ariaLabel={`${label} per ${unit}`}
      height={height}
      formatValue={formatCount}
      formatAxisValue={formatCompact}
      timeZone={timeZone}
      domain={domain}
      formatTime={(t) => formatBucket(t, unit, timeZone)}
      windows={windows}
      markers={markers}
    />
  );
}
