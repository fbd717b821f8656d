"use client";
// The outages and slowdowns in range and the signups each likely cost, with a total for each
// kind: a slowdown still let most signups through, so it is priced apart from a hard outage.
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { formatCount, formatDateTime, formatDuration } from "@/lib/api-client/format";
import { capitalize, totalMissed, type MetricNouns } from "@/lib/api-client/growth-format";
import type { GrowthSummary, OutageCostView } from "@/lib/growth/growth-types";

export type OutagesCardProps = {
  summary: GrowthSummary | undefined;
  pending: boolean;
  problem: string | null;
  timeZone: string;
  /** When the data was read: the end of an outage still going on. */
  readAt: string;
  nouns: MetricNouns;
};

const kinds = [
  { kind: "outage", one: "Outage", many: "outages" },
  { kind: "slowdown", one: "Slowdown", many: "slowdowns" },
] as const;

function approx(count: number | null): string {
  return count === null ? "unknown" : `≈ ${formatCount(count)}`;
}

/** "1,234 of ≈ 2,000": what still arrived against what the usual pace would have brought. */
function arrived(outage: OutageCostView): string {
  if (outage.arrivedSignups === null || outage.expectedSignups === null) return "unknown";
  return `${formatCount(outage.arrivedSignups)} of ≈ ${formatCount(outage.expectedSignups)}`;
}

function OutageRow({
  outage,
  end,
  timeZone,
}: {
  outage: OutageCostView;
  end: string;
  timeZone: string;
}) {
  const lasted = formatDuration(Date.parse(end) - Date.parse(outage.from));
  return (
    <tr data-testid="outage-row" data-kind={outage.kind}>
      <td className="numeric">{formatDateTime(outage.from, timeZone)}</td>
      <td>{outage.label}</td>
      <td>{outage.kind === "slowdown" ? "Slowdown" : "Outage"}</td>
      <td className="numeric">{outage.to ? lasted : `ongoing, ${lasted} so far`}</td>
      <td className="outages__number numeric">{arrived(outage)}</td>
      <td className="outages__number numeric">{approx(outage.missedSignups)}</td>
    </tr>
  );
}

/** One total line per kind present: "Outages, 2 ≈ 1,200" and "Slowdowns, 1 ≈ 40". */
function TotalRows({ outages }: { outages: OutageCostView[] }) {
  return kinds.map(({ kind, one, many }) => {
    const ofKind = outages.filter((outage) => outage.kind === kind);
    if (!ofKind.length) return null;
    const sum = totalMissed(ofKind);
    return (
      <tr key={kind}>
        <th scope="row" colSpan={5}>
          Total, {ofKind.length} {ofKind.length === 1 ? one.toLowerCase() : many}
        </th>
        <td className="outages__number numeric" data-testid={`${kind}-total`}>
          {sum.total === null ? "unknown" : `${sum.partial ? "≥" : "≈"} ${formatCount(sum.total)}`}
        </td>
      </tr>
    );
  });
}

export function OutagesCard({
  summary,
  pending,
  problem,
  timeZone,
  readAt,
  nouns,
}: OutagesCardProps) {
  const noun = capitalize(nouns.increase);
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
    body = (
      <div className="table-scroll">
        <table className="outages">
          <thead>
            <tr>
              <th scope="col">Started</th>
              <th scope="col">What</th>
              <th scope="col">Kind</th>
              <th scope="col">Lasted</th>
              <th scope="col" className="outages__number">
                {noun} arrived
              </th>
              <th scope="col" className="outages__number">
                {noun} missed
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.outages.map((outage) => (
              <OutageRow
                key={`${outage.from}-${outage.label}`}
                outage={outage}
                end={outage.to ?? readAt}
                timeZone={timeZone}
              />
            ))}
          </tbody>
          <tfoot>
            <TotalRows outages={summary.outages} />
          </tfoot>
        </table>
      </div>
    );
  }
  return (
    <Card
      title={`${noun} missed during outages and slowdowns`}
      action="the pace before each, less what still arrived"
    >
      {body}
    </Card>
  );
}
