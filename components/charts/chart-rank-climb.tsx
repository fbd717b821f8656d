"use client";
// The rank climb: rank on a log scale turned upside down (#1 at the top), one line per site, the
// service's strong, thick and on top, competitors' muted and thin; a source's buckets as a shaded
// band rather than a made-up place, unranked stretches as gaps. Outages are shaded and milestones
// marked, as on every time chart, their labels laid out so that none overlaps another.
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
import { MarkerLabels, MarkerNotes, nearMarker } from "./chart-marker-labels";
import "./chart.css";

/** One moment (`t`, epoch ms): an exact rank or a bucket's [best, worst] per segment key. */
export type ClimbRow = { t: number } & Record<string, number | [number, number] | undefined>;

/** One unbroken stretch of one line: exact ranks as a line, or buckets as a band. */
export type ClimbSegment = {
  key: string;
  lineKey: string;
  kind: "exact" | "bucket";
  color: string;
  /** The service's own line: strong and thick; a competitor's is muted and thin. */
  service: boolean;
  /** A stretch of a single exact sample is drawn as a dot. */
  single: boolean;
};

/** What the tooltip lists for one line at the hovered moment. */
export type ClimbReading = {
  lineKey: string;
  label: string;
  color: string;
  service: boolean;
  /** "#141", "top 5,000", ">200,000", "unranked". */
  text: string;
  /** The text is a bucket the source gave, not a place. */
  bucket: boolean;
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
  markers: ClimbMarker[];
  /** How close (ms) a marker must be to the hovered moment to be named. */
  near: number;
  timeZone?: string;
};

function ClimbTooltip({
  active,
  label,
  readingsAt,
  windows,
  markers,
  near,
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
          <span className={reading.service ? "rank-tooltip__service" : undefined}>
            {reading.label}
          </span>
          <strong className="numeric">
            {reading.text}
            {reading.bucket ? <span className="rank-tooltip__bucket"> bucket</span> : null}
            {reading.asOf !== null ? (
              <span className="rank-tooltip__as-of">
                {" "}
                · {formatDateTime(reading.asOf, timeZone)}
              </span>
            ) : null}
          </strong>
        </p>
      ))}
      <MarkerNotes markers={markers} at={label} near={near} />
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
                markers={markers}
                near={nearMarker(rows.map((row) => row.t))}
                timeZone={timeZone}
              />
            )}
          />
          {windowAreas(windows)}
          {markers.map((marker) => (
            <ReferenceLine
              key={`line-${marker.t}-${marker.label}`}
              x={marker.t}
              stroke={marker.color ?? "var(--chart-marker)"}
              strokeDasharray="4 3"
              ifOverflow="hidden"
              className="rank-marker"
            />
          ))}
          {segments.map((segment) =>
            segment.kind === "bucket" ? (
              <Area
                key={segment.key}
                dataKey={segment.key}
                type="stepAfter"
                className={`rank-band rank-series-${segment.lineKey}${segment.service ? " rank-band--service" : " rank-band--competitor"}`}
                stroke={segment.color}
                strokeWidth={segment.service ? 1.5 : 1}
                strokeOpacity={segment.service ? 0.8 : 0.5}
                strokeDasharray={segment.service ? undefined : "4 3"}
                fill={segment.color}
                fillOpacity={segment.service ? 0.18 : 0.06}
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
                className={`rank-line rank-series-${segment.lineKey}${segment.service ? " rank-line--service" : " rank-line--competitor"}`}
                stroke={segment.color}
                strokeWidth={segment.service ? 3 : 1.5}
                strokeOpacity={segment.service ? 1 : 0.75}
                connectNulls
                dot={
                  segment.single
                    ? { r: segment.service ? 4 : 3, fill: segment.color, strokeWidth: 0 }
                    : false
                }
                activeDot={false}
                isAnimationActive={false}
              />
            ),
          )}
          <MarkerLabels markers={markers} xDomain={xDomain} labelClassName="rank-marker__label" />
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
