"use client";
// Every outage overlapping the range, newest first: monitor, component, start, end (or ongoing),
// how long it lasted and how bad it was.
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalDateTime } from "@/components/ui/relative-time";
import { formatDuration } from "@/lib/api-client/format";
import { outageLength } from "@/lib/api-client/uptime";
import type { UptimePageData } from "@/lib/uptime/queries/uptime-page-types";
import { severityLabel } from "./latency-chart-data";

export function OutagesTable({ data, rangeText }: { data: UptimePageData; rangeText: string }) {
  return (
    <Card title={`Outages ${rangeText}`} action="newest first" data-testid="outages-table">
      {data.outages.length ? (
        <div className="table-scroll">
          <table className="outages">
            <thead>
              <tr>
                <th scope="col">Monitor</th>
                <th scope="col">Component</th>
                <th scope="col">Started</th>
                <th scope="col">Ended</th>
                <th scope="col">Lasted</th>
                <th scope="col">Severity</th>
              </tr>
            </thead>
            <tbody>
              {data.outages.map((outage) => (
                <tr key={outage.id} data-testid="outage-row" data-severity={outage.severity}>
                  <td>{outage.monitor}</td>
                  <td>{outage.component ?? <span className="muted">—</span>}</td>
                  <td className="numeric">
                    <LocalDateTime iso={outage.startedAt} />
                  </td>
                  <td className="numeric">
                    {outage.endedAt ? (
                      <LocalDateTime iso={outage.endedAt} />
                    ) : (
                      <strong className="uptime-ongoing">ongoing</strong>
                    )}
                  </td>
                  <td className="numeric">
                    {formatDuration(outageLength(outage, data.generatedAt))}
                    {outage.endedAt ? "" : " so far"}
                  </td>
                  <td>
                    <span className={`badge uptime-severity uptime-severity--${outage.severity}`}>
                      {severityLabel(outage.severity)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <EmptyState compact title="No outages in this range">
          Outage windows open when a monitor&rsquo;s checks fail in a row and close when they
          recover; none overlaps this range.
        </EmptyState>
      )}
    </Card>
  );
}
