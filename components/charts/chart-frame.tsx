"use client";
// The base of every time chart: a responsive frame with time axis, humanised value axis, a themed
// tooltip, and annotations any chart can take (shaded windows such as outages, vertical markers
// such as milestones, their labels laid out at the top so that none overlaps another and named in
// the tooltip). Colours are CSS variables, so charts follow the theme without re-rendering.
// Times read in `timeZone` (the viewer's when omitted); series are areas, lines or bars.
import { useId } from "react";
import {
  Area,
  Bar,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  YAxis,
  type TooltipContentProps,
} from "recharts";
import { formatCompact, formatCount, formatDateTime } from "@/lib/api-client/format";
import { timeTicks } from "./time-ticks";
import { axisTick, timeAxis, WindowNotes, windowAreas, type ChartWindow } from "./chart-parts";
import { type ChartMarker, MarkerLabels, MarkerNotes, nearMarker } from "./chart-marker-labels";
import "./chart.css";

/** One point in time (`t`, epoch ms) with a value per series key. */
export type ChartDatum = { t: number } & Record<string, number | null>;

export type ChartSeries = {
  key: string;
  label: string;
  /** A CSS colour, usually a variable: "var(--chart-1)". */
  color?: string;
  kind?: "area" | "line" | "bar";
  /** Drawn thin, dashed and pale: a reference such as the previous period. */
  faint?: boolean;
};

/** A stretch of time to shade, e.g. an outage; `detail` shows in the tooltip over it. */
export type AnnotationWindow = { from: string; to: string; label: string; detail?: string };
/** A moment to mark, e.g. a milestone. */
export type AnnotationMarker = { at: string; label: string };

export type ChartFrameProps = {
  data: ChartDatum[];
  series: ChartSeries[];
  /** Describes the chart for screen readers. */
  ariaLabel: string;
  height?: number;
  /** Tooltip values; defaults to "1,234,567". */
  formatValue?: (value: number) => string;
  /** Axis ticks; defaults to "1.2M". */
  formatAxisValue?: (value: number) => string;
  /** For ranks: lower is better, so the best sits on top. */
  reversed?: boolean;
  windows?: AnnotationWindow[];
  markers?: AnnotationMarker[];
  /** IANA zone for ticks and the tooltip; the viewer's when omitted. */
  timeZone?: string;
  /** The time axis' extent (epoch ms); the data's first and last `t` when omitted. */
  domain?: [number, number];
  /** The tooltip's heading for a point; "Mar 4, 14:05" when omitted. */
  formatTime?: (t: number) => string;
};

const palette = ["var(--chart-1)", "var(--chart-2)", "var(--chart-3)"];

type TooltipExtras = {
  formatValue: (value: number) => string;
  formatTime: (t: number) => string;
  windows: ChartWindow[];
  markers: ChartMarker[];
  /** How close (ms) a marker must be to the hovered point to be named. */
  near: number;
};

function ChartTooltip({
  active,
  payload,
  label,
  formatValue,
  formatTime,
  windows,
  markers,
  near,
}: TooltipContentProps & TooltipExtras) {
  if (!active || !payload?.length || typeof label !== "number") return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__time">{formatTime(label)}</p>
      {payload.map((entry) => (
        <p key={String(entry.dataKey)} className="chart-tooltip__row">
          <span className="chart-tooltip__swatch" style={{ background: entry.color }} />
          <span>{entry.name}</span>
          <strong className="numeric">
            {typeof entry.value === "number" ? formatValue(entry.value) : "—"}
          </strong>
        </p>
      ))}
      <MarkerNotes markers={markers} at={label} near={near} />
      <WindowNotes windows={windows} at={label} />
    </div>
  );
}

export function ChartFrame({
  data,
  series,
  ariaLabel,
  height = 240,
  formatValue = formatCount,
  formatAxisValue = formatCompact,
  reversed = false,
  windows = [],
  markers = [],
  timeZone,
  domain,
  formatTime = (t: number) => formatDateTime(t, timeZone),
}: ChartFrameProps) {
  const gradientPrefix = `chart-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const first = domain?.[0] ?? data[0]?.t ?? 0;
  const last = domain?.[1] ?? data[data.length - 1]?.t ?? first;
  const shaded: ChartWindow[] = windows.map((w) => ({
    ...w,
    from: Date.parse(w.from),
    to: Date.parse(w.to),
  }));
  const marked: ChartMarker[] = markers.map((m) => ({ t: Date.parse(m.at), label: m.label }));
  const ticks = timeTicks(
    first,
    last,
    timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
  );

  return (
    <figure className="chart" style={{ height }} role="img" aria-label={ariaLabel}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 12, right: 8, bottom: 0, left: 0 }}>
          <defs>
            {series.map((s, i) => (
              <linearGradient
                key={s.key}
                id={`${gradientPrefix}-${s.key}`}
                x1="0"
                y1="0"
                x2="0"
                y2="1"
              >
                <stop
                  offset="0%"
                  stopColor={s.color ?? palette[i % palette.length]}
                  stopOpacity={0.32}
                />
                <stop
                  offset="100%"
                  stopColor={s.color ?? palette[i % palette.length]}
                  stopOpacity={0}
                />
              </linearGradient>
            ))}
          </defs>
          <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
          {timeAxis({ first, last, ticks, timeZone })}
          <YAxis
            width={52}
            domain={series.some((s) => s.kind === "bar") ? [0, "auto"] : ["auto", "auto"]}
            reversed={reversed}
            allowDecimals={false}
            tickFormatter={(value: number) => formatAxisValue(value)}
            tick={axisTick}
            tickLine={false}
            axisLine={false}
          />
          <Tooltip
            cursor={
              series.some((s) => s.kind === "bar")
                ? { fill: "var(--surface-hover)" }
                : { stroke: "var(--border-strong)", strokeWidth: 1 }
            }
            content={(props) => (
              <ChartTooltip
                {...props}
                formatValue={formatValue}
                formatTime={formatTime}
                windows={shaded}
                markers={marked}
                near={nearMarker(data.map((datum) => datum.t))}
              />
            )}
          />
          {windowAreas(shaded)}
          {marked.map((marker) => (
            <ReferenceLine
              key={`${marker.t}-${marker.label}`}
              x={marker.t}
              stroke="var(--chart-marker)"
              strokeDasharray="4 3"
              ifOverflow="hidden"
              className="chart-marker"
            />
          ))}
          {series.map((s, i) => {
            const color = s.color ?? palette[i % palette.length];
            if (s.kind === "bar") {
              return (
                <Bar
                  key={s.key}
                  dataKey={s.key}
                  name={s.label}
                  fill={color}
                  fillOpacity={s.faint ? 0.3 : 0.85}
                  radius={[2, 2, 0, 0]}
                  isAnimationActive={false}
                />
              );
            }
            return s.kind === "line" ? (
              <Line
                key={s.key}
                type="monotone"
                dataKey={s.key}
                name={s.label}
                stroke={color}
                strokeWidth={s.faint ? 1.5 : 2}
                strokeOpacity={s.faint ? 0.85 : 1}
                strokeDasharray={s.faint ? "4 3" : undefined}
                dot={false}
                connectNulls
                isAnimationActive={false}
              />
            ) : (
              <Area
                key={s.key}
                type="monotone"
                dataKey={s.key}
                name={s.label}
                stroke={color}
                strokeWidth={2}
                fill={`url(#${gradientPrefix}-${s.key})`}
                dot={false}
                connectNulls
                isAnimationActive={false}
              />
            );
          })}
          <MarkerLabels markers={marked} xDomain={[first, last]} edge="top" />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
