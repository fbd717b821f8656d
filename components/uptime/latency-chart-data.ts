// A monitor's latency as the chart takes it, and its outages as shaded windows. Pure.
import type { AnnotationWindow, ChartDatum } from "@/components/charts/chart-frame";
import type { MonitorUptime, OutageView } from "@/lib/uptime/queries/uptime-page-types";

const severityWords: Record<OutageView["severity"], string> = {
  degraded: "Degraded",
  partial: "Partial outage",
  major: "Major outage",
};

export function toLatencyData(monitor: Pick<MonitorUptime, "latency">): ChartDatum[] {
  return monitor.latency.map((point) => ({
    t: Date.parse(point.at),
    p50: point.p50,
    p95: point.p95,
  }));
}

/**
 * The monitor's outages, clipped to the chart, oldest first; an ongoing one runs to the chart's end.
 * Overlapping outages of one severity are one window, so the tooltip names them once and the shade
 * is not doubled. Windows carry no text on the plot; the legend and the tooltip name them.
 */
export function latencyWindows(
  outages: readonly OutageView[],
  monitorKey: string,
  from: string,
  to: string,
): AnnotationWindow[] {
  const windows = outages
    .filter((outage) => outage.monitorKey === monitorKey)
    .map((outage) => ({
      from: outage.startedAt < from ? from : outage.startedAt,
      to: outage.endedAt === null || outage.endedAt > to ? to : outage.endedAt,
      label: severityWords[outage.severity],
      detail: outage.endedAt ? undefined : "ongoing",
    }))
    .sort((a, b) => Date.parse(a.from) - Date.parse(b.from));
  const merged: AnnotationWindow[] = [];
  for (const window of windows) {
    const open = [...merged].reverse().find((w) => w.label === window.label);
    if (open && Date.parse(window.from) <= Date.parse(open.to)) {
      if (Date.parse(window.to) > Date.parse(open.to)) open.to = window.to;
      open.detail = open.detail ?? window.detail;
    } else merged.push({ ...window });
  }
  return merged;
}

export function severityLabel(severity: OutageView["severity"]): string {
  return severityWords[severity];
}

/** True when the range has at least one latency to draw. */
export function hasLatency(monitor: Pick<MonitorUptime, "latency">): boolean {
  return monitor.latency.some((point) => point.p50 !== null || point.p95 !== null);
}
