"use client";
// The users total over the last day, as a filled line.
import { formatCompact, formatCount } from "@/lib/api-client/format";
import {
  type AnnotationMarker,
  type AnnotationWindow,
  ChartFrame,
  type ChartDatum,
} from "./chart-frame";

export type ChartUsersSparklineProps = {
  /** Oldest first: `{ t, users }`. */
  data: ChartDatum[];
  /** The metric's name, e.g. "Total users". */
  label: string;
  height?: number;
  windows?: AnnotationWindow[];
  markers?: AnnotationMarker[];
};

export function ChartUsersSparkline({
  data,
  label,
  height = 220,
  windows,
  markers,
}: ChartUsersSparklineProps) {
  return (
    <ChartFrame
      data={data}
      series={[{ key: "users", label, color: "var(--chart-1)", kind: "area" }]}
      ariaLabel={`${label} over the last 24 hours`}
      height={height}
      formatValue={formatCount}
      formatAxisValue={formatCompact}
      windows={windows}
      markers={markers}
    />
  );
}
