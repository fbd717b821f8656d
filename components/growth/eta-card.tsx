"use client";
// When the users total will reach its next milestone, with the band around the guess; or why it
// cannot be told.
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { describeEta, explainMissingEta, type MetricNouns } from "@/lib/api-client/growth-format";
import type { GrowthSummary } from "@/lib/growth/growth-types";

export type EtaCardProps = {
  summary: GrowthSummary | undefined;
  pending: boolean;
  problem: string | null;
  timeZone: string;
  nouns: MetricNouns;
};

export function EtaCard({ summary, pending, problem, timeZone, nouns }: EtaCardProps) {
  let body;
  if (!summary) {
    body = pending ? (
      <>
        <Skeleton width="80%" height="1.6rem" />
        <Skeleton width="60%" className="skeleton--gap" />
      </>
    ) : (
      <EmptyState compact title="No projection">
        {problem ?? "The growth summary could not be loaded."}
      </EmptyState>
    );
  } else if (!summary.eta) {
    const why = explainMissingEta(summary);
    body = (
      <EmptyState compact title={why.title}>
        {why.body}
      </EmptyState>
    );
  } else {
    const eta = describeEta(summary.eta, timeZone, nouns.total);
    body = (
      <div className="eta">
        <p className="eta__headline numeric">{eta.headline}</p>
        <p className="eta__band">{eta.band}</p>
        <p className="eta__method">{eta.method}</p>
      </div>
    );
  }
  return (
    <Card title={`Next ${nouns.total} milestone`} action={timeZone} data-testid="growth-eta">
      {body}
    </Card>
  );
}
