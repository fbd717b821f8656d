"use client";
// The rank climb: rank on a log scale turned upside down (#1 at the top), one line per site and
// source, competitors dashed, a source's buckets as a shaded band rather than a made-up place,
// unranked stretches as gaps. Outages are shaded and milestones marked, as on every time chart.
// The frame's look (grid, axes, tooltip, annotation colours) is the same; its value axis is linear
// and its lines bridge every gap, so this chart draws its own axes from the same pieces.
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  YAxis,
  type TooltipContentProps,
} from "recharts";
import { formatCompact, formatDateTime } from "@/lib/api-client/format";
import { timeTicks } from "./time-ticks";
import { axisTick, timeAxis, WindowNotes, windowAreas, type ChartWindow } from "./chart-parts";
import "./chart.css";

/** One moment (`t`, epoch ms): an exact rank or a bucket's [best, worst] per segment key. */
export type ClimbRow = { t: number } & Record<string, number | [number, number] | undefined>;

/** One unbroken stretch of one line: exact ranks as a line, or buckets as a band. */
export type ClimbSegment = {
  key: string;
  lineKey: string;
  kind: "exact" | "bucket";
  color: string;
  /** Competitors are dashed. */
  dashed: boolean;
  /** A stretch of a single exact sample is drawn as a dot. */
  single: boolean;
};

/** What the tooltip lists for one line at the hovered moment. */
export type ClimbReading = {
  lineKey: string;
  label: string;
  color: string;
  dashed: boolean;
  /** "#141", "top 5,000", ">200,000", "unranked". */
  text: string;
  /** When that sample was taken, if not at the hovered moment. */
  asOf: number | null;
};

export type ClimbMarker = { t: number; label: string; color?: string; y: number | null };
export type ClimbWindow = ChartWindow;

export type ChartRankClimbProps = {
  rows: ClimbRow[];
  segments: ClimbSegment[];
  /** Best and worst rank on the axis. */
  yDomain: [number, number];
  yTicks: number[];
  xDomain: [number, number];
  readingsAt: (t: number) => ClimbReading[];
  windows?: ClimbWindow[];
  markers?: ClimbMarker[];
  ariaLabel: string;
  height?: number;
  /** IANA zone for ticks and the tooltip; the viewer's when omitted. */
  timeZone?: string;
};

/** 1 → "#1", 1000 → "#1K", 150000 → "#150K". */
export function formatRankTick(value: number): string {
  return `#${formatCompact(value)}`;
}

type TooltipExtras = {
  readingsAt: (t: number) => ClimbReading[];
  windows: ClimbWindow[];
  timeZone?: string;
};

function ClimbTooltip({
  active,
  label,
  readingsAt,
  windows,
  timeZone,
}: TooltipContentProps & TooltipExtras) {
  if (!active || typeof label !== "number") return null;
  const readings = readingsAt(label);
  if (!readings.length) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__time">{formatDateTime(label, timeZone)}</p>
      {readings.map((reading) => (
        <p key={reading.lineKey} className="chart-tooltip__row">
          <span className="chart-tooltip__swatch" style={{ background: reading.color }} />
          <span>
            {reading.label}
            {reading.dashed ? " (competitor)" : ""}
          </span>
          <strong className="numeric">
            {reading.text}
            {reading.asOf !== null ? (
              <span className="rank-tooltip__as-of">
                {" "}
                · {formatDateTime(reading.asOf, timeZone)}
              </span>
            ) : null}
          </strong>
        </p>
      ))}
      <WindowNotes windows={windows} at={label} />
    </div>
  );
}

export function ChartRankClimb({
  rows,
  segments,
  yDomain,
  yTicks,
  xDomain,
  readingsAt,
  windows = [],
  markers = [],
  ariaLabel,
  height = 320,
  timeZone,
}: ChartRankClimbProps) {
  const [first, last] = xDomain;
  const span = last - first;
  const ticks = timeTicks(
    first,
    last,
    timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
  );

  return (
    <figure className="chart chart--rank" style={{ height }} role="img" aria-label={ariaLabel}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ top: 12, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
          {timeAxis({ first, last, ticks, timeZone, allowDataOverflow: true })}
          <YAxis
            type="number"
            scale="log"
            domain={yDomain}
            allowDataOverflow
            reversed
            ticks={yTicks}
            interval={0}
            tickFormatter={formatRankTick}
            tick={axisTick}
            tickLine={false}
            axisLine={false}
            width={56}
          />
          <Tooltip
            cursor={{ stroke: "var(--border-strong)", strokeWidth: 1 }}
            content={(props) => (
              <ClimbTooltip
                {...props}
                readingsAt={readingsAt}
                windows={windows}
                timeZone={timeZone}
              />
            )}
          />
          {windowAreas(windows)}
          {markers.map((marker, i) => (
            <ReferenceLine
              key={`line-${marker.t}-${marker.label}`}
              x={marker.t}
              stroke={marker.color ?? "var(--chart-marker)"}
              strokeDasharray="4 3"
              ifOverflow="hidden"
              className="rank-marker"
              label={{
                value: marker.label,
                // Towards the right edge the label goes on the line's left, so it is not cut off.
                position: marker.t > first + span * 0.6 ? "insideBottomRight" : "insideBottomLeft",
                // Markers close together would print over each other: step their labels up.
                offset: 8 + (i % 3) * 16,
                fill: marker.color ?? "var(--chart-marker)",
                fontSize: 11,
              }}
            />
          ))}
          {segments.map((segment) =>
            segment.kind === "bucket" ? (
              <Area
                key={segment.key}
                dataKey={segment.key}
                type="stepAfter"
                className={`rank-band rank-series-${segment.lineKey}`}
                stroke={segment.color}
                strokeOpacity={0.55}
                strokeDasharray={segment.dashed ? "4 3" : undefined}
                fill={segment.color}
                fillOpacity={segment.dashed ? 0.08 : 0.16}
                connectNulls
                dot={false}
                activeDot={false}
                isAnimationActive={false}
              />
            ) : (
              <Line
                key={segment.key}
                dataKey={segment.key}
                type="linear"
                className={`rank-line rank-series-${segment.lineKey}${segment.dashed ? " rank-line--competitor" : ""}`}
                stroke={segment.color}
                strokeWidth={segment.dashed ? 1.75 : 2.25}
                strokeDasharray={segment.dashed ? "6 4" : undefined}
                connectNulls
                dot={segment.single ? { r: 3, fill: segment.color, strokeWidth: 0 } : false}
                activeDot={false}
                isAnimationActive={false}
              />
            ),
          )}
          {markers.map((marker) =>
            marker.y === null ? null : (
              <ReferenceDot
                key={`dot-${marker.t}-${marker.label}`}
                x={marker.t}
                y={marker.y}
                r={4}
                fill={marker.color ?? "var(--chart-marker)"}
                stroke="var(--surface)"
                strokeWidth={2}
                ifOverflow="hidden"
              />
            ),
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
