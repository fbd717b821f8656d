"use client";
// Milestone markers' labels and tooltip lines, the same on every time chart: each label in the
// nearest row to its edge of the plot where it clears the others (see layoutMarkerLabels); a label
// with no room is not printed, and the tooltip over its marker names it.
import { usePlotArea } from "recharts";
import { layoutMarkerLabels } from "./marker-labels";

/** A moment to mark (`t`, epoch ms) and its label; `color` overrides the marker colour. */
export type ChartMarker = { t: number; label: string; color?: string };

/** Rows far enough apart that labels with their halo (chart.css) never touch. */
const ROW_HEIGHT = 18;
/** From the plot's edge to the first row's baseline (bottom) or top (top). */
const EDGE_GAP = 8;

export function MarkerLabels({
  markers,
  xDomain,
  edge = "bottom",
  labelClassName,
}: {
  markers: readonly ChartMarker[];
  xDomain: [number, number];
  /** The rows start at the plot's bottom (the default) or at its top. */
  edge?: "top" | "bottom";
  /** An extra class for each printed label. */
  labelClassName?: string;
}) {
  const plot = usePlotArea();
  if (!plot || !markers.length) return null;
  const [first, last] = xDomain;
  const placed = layoutMarkerLabels(markers, { first, last, width: plot.width });
  return (
    <g className="chart-marker-labels">
      {markers.map((marker, i) => {
        const spot = placed[i];
        if (!spot || spot.row === null) return null;
        const offset = EDGE_GAP + spot.row * ROW_HEIGHT;
        return (
          <text
            key={`${marker.t}-${marker.label}`}
            className={
              labelClassName ? `chart-marker__label ${labelClassName}` : "chart-marker__label"
            }
            x={plot.x + (spot.anchor === "start" ? spot.left : spot.left + spot.width)}
            y={edge === "bottom" ? plot.y + plot.height - offset : plot.y + offset}
            dominantBaseline={edge === "bottom" ? "auto" : "hanging"}
            textAnchor={spot.anchor}
            fill={marker.color ?? "var(--chart-marker)"}
            fontSize={11}
          >
            {marker.label}
          </text>
        );
      })}
    </g>
  );
}

/** The tooltip lines naming the markers within `near` ms of the hovered time. */
export function MarkerNotes({
  markers,
  at,
  near,
}: {
  markers: readonly ChartMarker[];
  at: number;
  near: number;
}) {
  return markers
    .filter((marker) => Math.abs(marker.t - at) <= near)
    .map((marker) => (
      <p key={`${marker.t}-${marker.label}`} className="chart-tooltip__marker">
        ◆ {marker.label}
      </p>
    ));
}

/** Half the usual gap between the points' times: a marker that close to a hovered point is named. */
export function nearMarker(times: readonly number[]): number {
  const gaps = times.slice(1).map((t, i) => t - times[i]!);
  gaps.sort((a, b) => a - b);
  return (gaps[Math.floor(gaps.length / 2)] ?? 0) / 2;
}
