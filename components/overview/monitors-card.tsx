"use client";
// Each monitor's latest check: status, latency and its share of good checks over 24 h.
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { StatusDot } from "@/components/ui/status-dot";
import { formatDuration, formatPercent } from "@/lib/api-client/format";
import type { OverviewData } from "@/lib/dashboard/types";

export function MonitorsCard({
  monitors,
  generatedAt,
}: Pick<OverviewData, "monitors" | "generatedAt">) {
  return (
    <Card title="Monitors" action="24 h uptime">
      {monitors.length ? (
        <ul className="list">
          {monitors.map((monitor) => (
            <li
              key={monitor.key}
              className="list__row"
              data-testid={`monitor-${monitor.key}`}
              data-status={monitor.status}
            >
              <span className="list__label">
                <StatusDot status={monitor.status} label={false} />
                <span>
                  {monitor.name}
                  <span className="list__sub">
                    {monitor.status === "unknown" ? "Not checked yet" : statusWord[monitor.status]}
                    {monitor.latencyMs !== null ? ` · ${formatDuration(monitor.latencyMs)}` : ""}
                    {monitor.lastCheckAt ? " · " : ""}
                    {monitor.lastCheckAt ? (
                      <RelativeTime iso={monitor.lastCheckAt} fallbackNow={generatedAt} />
                    ) : null}
                  </span>
                </span>
              </span>
              <span
                className="list__value numeric"
                title="Share of checks up or degraded, last 24 h"
              >
                {monitor.uptime24h === null ? "—" : formatPercent(monitor.uptime24h)}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState title="No monitors configured">
          Add endpoints under <code>monitors</code> in liftoff.config.yaml. The check-monitors job
          probes each one on its interval and this card shows its status, latency and uptime.
        </EmptyState>
      )}
    </Card>
  );
}

const statusWord = { up: "Up", degraded: "Degraded", down: "Down" } as const;
