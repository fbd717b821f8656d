"use client";
// Response time over the last 24 h, median and 95th percentile per hour, drawn by recharts in the
// browser; the section around it already says the same in words.
import { ChartFrame, type ChartSeries } from "@/components/charts/chart-frame";
import { ms } from "./response-times";

export type ResponseTimeChartProps = {
  data: { t: number; p50: number | null; p95: number | null }[];
  timeZone: string;
  /** The 24 h the chart spans, epoch ms. */
  domain: [number, number];
};

const series: ChartSeries[] = [
  { key: "p50", label: "Median", color: "var(--chart-1)", kind: "line" },
  { key: "p95", label: "95th percentile", color: "var(--chart-3)", kind: "line" },
];

/** "460 ms" kept on one line: the axis wraps labels at ordinary spaces. */
const axisMs = (value: number) => ms(value).replace(" ", "\u00a0");

export function ResponseTimeChart({ data, timeZone, domain }: ResponseTimeChartProps) {
  return (
    <div className="response-chart" data-testid="response-chart">
      <ChartFrame
        data={data}
        series={series}
        ariaLabel="Response time over the last 24 hours: median and 95th percentile per hour"
        height={200}
        formatValue={ms}
        formatAxisValue={axisMs}
        timeZone={timeZone}
        domain={domain}
      />
      <p className="response-chart__legend" aria-hidden="true">
        <span className="response-chart__key response-chart__key--p50">Median</span>
        <span className="response-chart__key response-chart__key--p95">95th percentile</span>
      </p>
    </div>
  );
}
