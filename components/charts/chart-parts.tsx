// Pieces every time chart draws the same way: the time axis, shaded windows (outages) and their
// notes in a tooltip. A window carries no text on the plot: a busy week's windows sit close together
// and their words would print over each other; the tooltip, the legend and the outages table name them. Functions that return recharts elements, so charts place them as direct
// children, where recharts looks for them.
import { ReferenceArea, XAxis } from "recharts";
import { formatTimeTick } from "@/lib/api-client/format";

export const axisTick = { fill: "var(--chart-axis)", fontSize: 12 };

/** A shaded window in epoch milliseconds; `to` is the end, or the chart's end while it lasts. */
export type ChartWindow = { from: number; to: number; label: string; detail?: string };

/** The X axis of a time chart over [first, last], ticks in `timeZone` (the viewer's if omitted). */
export function timeAxis(options: {
  first: number;
  last: number;
  ticks: number[];
  timeZone?: string;
  /** Clip data outside the domain instead of widening it. */
  allowDataOverflow?: boolean;
}) {
  const { first, last, ticks, timeZone } = options;
  const span = last - first;
  return (
    <XAxis
      dataKey="t"
      type="number"
      scale="time"
      domain={[first, last]}
      allowDataOverflow={options.allowDataOverflow}
      ticks={ticks.length ? ticks : undefined}
      tickFormatter={(value: number) => formatTimeTick(value, span, timeZone)}
      tick={axisTick}
      tickLine={false}
      axisLine={{ stroke: "var(--chart-grid)" }}
      minTickGap={40}
    />
  );
}

/** Shaded windows (outages) across the plot, unlabelled: the tooltip names them. */
export function windowAreas(windows: readonly ChartWindow[]) {
  return windows.map((window) => (
    <ReferenceArea
      key={`${window.from}-${window.label}`}
      x1={window.from}
      x2={window.to}
      fill="var(--chart-window)"
      fillOpacity={1}
      ifOverflow="hidden"
      className="chart-window"
    />
  ));
}

/** The tooltip lines naming the windows the hovered time falls in. */
export function WindowNotes({ windows, at }: { windows: readonly ChartWindow[]; at: number }) {
  return windows
    .filter((window) => window.from <= at && at < window.to)
    .map((window) => (
      <p key={`${window.from}-${window.label}`} className="chart-tooltip__window">
        {window.label}
        {window.detail ? ` · ${window.detail}` : ""}
      </p>
    ));
}
