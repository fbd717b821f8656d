"use client";
// The base of every time chart: a responsive frame with time axis, humanised value axis, a themed
// tooltip, and annotations any chart can take (shaded windows such as outages, vertical markers
// such as milestones). Colours are CSS variables, so charts follow the theme without re-rendering.
import { useId } from "react";
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from "recharts";
import {
  formatCompact,
  formatCount,
  formatDateTime,
  formatTimeTick,
} from "@/lib/api-client/format";
import "./chart.css";

/** One point in time (`t`, epoch ms) with a value per series key. */
export type ChartDatum = { t: number } & Record<string, number | null>;

export type ChartSeries = {
  key: string;
  label: string;
  /** A CSS colour, usually a variable: "var(--chart-1)". */
  color?: string;
  kind?: "area" | "line";
};

/** A stretch of time to shade, e.g. an outage. */
export type AnnotationWindow = { from: string; to: string; label: string };
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
};

const palette = ["var(--chart-1)", "var(--chart-2)", "var(--chart-3)"];
const axisTick = { fill: "var(--chart-axis)", fontSize: 12 };

function ChartTooltip({
  active,
  payload,
  label,
  formatValue,
}: TooltipContentProps & { formatValue: (value: number) => string }) {
  if (!active || !payload?.length || typeof label !== "number") return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__time">{formatDateTime(label)}</p>
      {payload.map((entry) => (
        <p key={String(entry.dataKey)} className="chart-tooltip__row">
          <span className="chart-tooltip__swatch" style={{ background: entry.color }} />
          <span>{entry.name}</span>
          <strong className="numeric">
            {typeof entry.value === "number" ? formatValue(entry.value) : "—"}
          </strong>
        </p>
      ))}
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
}: ChartFrameProps) {
  const gradientPrefix = `chart-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const first = data[0]?.t ?? 0;
  const last = data[data.length - 1]?.t ?? first;
  const span = last - first;

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
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={[first, last]}
            tickFormatter={(value: number) => formatTimeTick(value, span)}
            tick={axisTick}
            tickLine={false}
            axisLine={{ stroke: "var(--chart-grid)" }}
            minTickGap={40}
          />
          <YAxis
            width={52}
            domain={["auto", "auto"]}
            reversed={reversed}
            allowDecimals={false}
            tickFormatter={(value: number) => formatAxisValue(value)}
            tick={axisTick}
            tickLine={false}
            axisLine={false}
          />
          <Tooltip
            cursor={{ stroke: "var(--border-strong)", strokeWidth: 1 }}
            content={(props) => <ChartTooltip {...props} formatValue={formatValue} />}
          />
          {windows.map((window) => (
            <ReferenceArea
              key={`${window.from}-${window.label}`}
              x1={Date.parse(window.from)}
              x2={Date.parse(window.to)}
              fill="var(--chart-window)"
              fillOpacity={1}
              ifOverflow="hidden"
              label={{
                value: window.label,
                position: "insideTop",
                fill: "var(--down)",
                fontSize: 11,
              }}
            />
          ))}
          {markers.map((marker) => (
            <ReferenceLine
              key={`${marker.at}-${marker.label}`}
              x={Date.parse(marker.at)}
              stroke="var(--chart-marker)"
              strokeDasharray="4 3"
              ifOverflow="hidden"
              label={{
                value: marker.label,
                position: "insideTopRight",
                fill: "var(--chart-marker)",
                fontSize: 11,
              }}
            />
          ))}
          {series.map((s, i) => {
            const color = s.color ?? palette[i % palette.length];
            return s.kind === "line" ? (
              <Line
                key={s.key}
                type="monotone"
                dataKey={s.key}
                name={s.label}
                stroke={color}
                strokeWidth={2}
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
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
