"use client";
// The outages in range and the signups each likely cost, with the total at the bottom.
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { formatCount, formatDateTime, formatDuration } from "@/lib/api-client/format";
import { capitalize, totalMissed, type MetricNouns } from "@/lib/api-client/growth-format";
import type { GrowthSummary } from "@/lib/growth/growth-types";

export type OutagesCardProps = {
  summary: GrowthSummary | undefined;
  pending: boolean;
  problem: string | null;
  timeZone: string;
  /** When the data was read: the end of an outage still going on. */
  readAt: string;
  nouns: MetricNouns;
};

function missed(count: number | null): string {
  return count === null ? "unknown" : `≈ ${formatCount(count)}`;
}

export function OutagesCard({
  summary,
  pending,
  problem,
  timeZone,
  readAt,
  nouns,
}: OutagesCardProps) {
  let body;
  if (!summary) {
    body = pending ? (
      <Skeleton height="5rem" />
    ) : (
      <EmptyState compact title="Unavailable">
        {problem ?? "The growth summary could not be loaded."}
      </EmptyState>
    );
  } else if (!summary.outages.length) {
    body = (
      <EmptyState compact title="No outages in this range">
        Outage windows come from the uptime monitors; none overlaps this range.
      </EmptyState>
    );
  } else {
    const sum = totalMissed(summary.outages);
    body = (
      <div className="table-scroll">
        <table className="outages">
          <thead>
            <tr>
              <th scope="col">Started</th>
              <th scope="col">What</th>
              <th scope="col">Lasted</th>
              <th scope="col" className="outages__number">
                {capitalize(nouns.increase)} missed
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.outages.map((outage) => {
              const end = outage.to ?? readAt;
              const lasted = formatDuration(Date.parse(end) - Date.parse(outage.from));
              return (
                <tr key={`${outage.from}-${outage.label}`} data-testid="outage-row">
                  <td className="numeric">{formatDateTime(outage.from, timeZone)}</td>
                  <td>{outage.label}</td>
                  <td className="numeric">{outage.to ? lasted : `ongoing, ${lasted} so far`}</td>
                  <td className="outages__number numeric">{missed(outage.missedSignups)}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                Total, {summary.outages.length} outage{summary.outages.length === 1 ? "" : "s"}
              </th>
              <td className="outages__number numeric" data-testid="outage-total">
                {sum.total === null
                  ? "unknown"
                  : `${sum.partial ? "≥" : "≈"} ${formatCount(sum.total)}`}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    );
  }
  return (
    <Card
      title={`${capitalize(nouns.increase)} missed during outages`}
      action="estimated from the usual rate"
    >
      {body}
    </Card>
  );
}
