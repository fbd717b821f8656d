"use client";
// One monitor: its latest status, what it probes, its uptime over 24 h / 7 d / 30 d, its latency
// (p50 and p95) over the range with its outages shaded, and its newest failed checks.
import { useMemo } from "react";
import { ChartFrame } from "@/components/charts/chart-frame";
import { useIsClient } from "@/components/hooks/use-now";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalDateTime, RelativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { StatusDot } from "@/components/ui/status-dot";
import { formatDuration, formatPercent } from "@/lib/api-client/format";
import type { MonitorUptime, UptimePageData } from "@/lib/uptime/queries/uptime-page-types";
import { hasLatency, latencyWindows, toLatencyData } from "./latency-chart-data";

const HEIGHT = 200;
const statusWords: Record<MonitorUptime["status"], string> = {
  up: "Up",
  degraded: "Degraded",
  down: "Down",
  unknown: "Not checked yet",
};
const typeWords: Record<MonitorUptime["type"], string> = { http: "HTTP", tcp: "TCP", tls: "TLS" };
const series = [
  { key: "p50", label: "p50", kind: "line" as const, color: "var(--chart-1)" },
  { key: "p95", label: "p95", kind: "line" as const, color: "var(--chart-3)" },
];
const formatMs = (ms: number) => formatDuration(ms);
/** Axis ticks stay short (the heading says "ms"): 480 → "480", 1500 → "1.5k". */
const formatAxisMs = (ms: number) => (ms >= 1000 ? `${Math.round(ms / 100) / 10}k` : String(ms));

function UptimeFigures({ uptime }: { uptime: MonitorUptime["uptime"] }) {
  return (
    <dl className="uptime-figures">
      {(["24h", "7d", "30d"] as const).map((window) => (
        <div key={window} className="uptime-figures__item">
          <dt>{window.replace(/(\d+)/, "$1 ")}</dt>
          <dd className="numeric" data-testid={`uptime-${window}`}>
            {uptime[window] === null ? "—" : formatPercent(uptime[window])}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Failures({ monitor }: { monitor: MonitorUptime }) {
  if (!monitor.recentFailures.length) {
    return <p className="muted uptime-failures__none">No failed checks in this range.</p>;
  }
  return (
    <ul className="uptime-failures" aria-label={`Recent failed checks of ${monitor.name}`}>
      {monitor.recentFailures.map((failure) => (
        <li key={failure.at} data-testid="failed-check">
          <LocalDateTime iso={failure.at} className="numeric muted" />
          <span className="uptime-failures__error">
            {failure.httpStatus ? `HTTP ${failure.httpStatus} · ` : ""}
            {failure.error ?? "failed without a message"}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function MonitorCard({ monitor, data }: { monitor: MonitorUptime; data: UptimePageData }) {
  const isClient = useIsClient();
  const chart = useMemo(
    () => ({
      rows: toLatencyData(monitor),
      windows: latencyWindows(data.outages, monitor.key, data.from, data.to),
      domain: [Date.parse(data.from), Date.parse(data.to)] as [number, number],
    }),
    [monitor, data.outages, data.from, data.to],
  );
  const unitWords = data.unit === "minute" ? "per minute" : "per hour";

  return (
    <Card
      className="uptime-monitor"
      data-testid={`monitor-${monitor.key}`}
      title={
        <span
          className="uptime-monitor__title"
          data-status={monitor.status}
          data-testid={`monitor-status-${monitor.key}`}
        >
          <StatusDot status={monitor.status} label={false} />
          <span className="uptime-monitor__name">{monitor.name}</span>
          <span className={`badge uptime-badge uptime-badge--${monitor.status}`}>
            {statusWords[monitor.status]}
          </span>
        </span>
      }
      action={
        monitor.lastCheckAt ? (
          <>
            checked <RelativeTime iso={monitor.lastCheckAt} fallbackNow={data.generatedAt} />
          </>
        ) : null
      }
    >
      <p className="uptime-monitor__target">
        <span className="badge">{typeWords[monitor.type]}</span>{" "}
        <code className="uptime-monitor__url">{monitor.target}</code>
        <span className="muted">
          {" "}
          · every {formatDuration(monitor.intervalSeconds * 1000)}
          {monitor.component ? ` · ${monitor.component.name}` : " · not on the status page"}
        </span>
      </p>
      <UptimeFigures uptime={monitor.uptime} />
      <div className="uptime-monitor__chart" data-testid={`latency-chart-${monitor.key}`}>
        <div className="uptime-monitor__chart-head">
          <span className="muted">Latency {unitWords}, ms</span>
          <span className="chart-legend" aria-hidden="true">
            <span className="chart-legend__item uptime-legend--p50">p50</span>
            <span className="chart-legend__item uptime-legend--p95">p95</span>
            {chart.windows.length ? (
              <span className="chart-legend__item uptime-legend--outage">outage</span>
            ) : null}
          </span>
        </div>
        {!hasLatency(monitor) ? (
          <EmptyState compact title="No latency in this range">
            {monitor.lastCheckAt
              ? "No check in this range measured a latency (a check that fails before an answer has none)."
              : "This monitor has not been checked yet: the check-monitors job probes it on its interval."}
          </EmptyState>
        ) : isClient ? (
          <ChartFrame
            data={chart.rows}
            series={series}
            domain={chart.domain}
            windows={chart.windows}
            height={HEIGHT}
            formatValue={formatMs}
            formatAxisValue={formatAxisMs}
            ariaLabel={`Latency of ${monitor.name}, p50 and p95 ${unitWords}, outages shaded`}
          />
        ) : (
          <Skeleton height={HEIGHT} />
        )}
      </div>
      <h3 className="uptime-monitor__subtitle">Recent failed checks</h3>
      <Failures monitor={monitor} />
    </Card>
  );
}
