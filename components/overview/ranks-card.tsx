"use client";
// Every rank source's latest global rank for the service.
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { formatRank } from "@/lib/api-client/format";
import { globalRanksBySource } from "@/lib/api-client/ranks";
import type { OverviewData } from "@/lib/dashboard/types";

export function RanksCard({ ranks, generatedAt }: Pick<OverviewData, "ranks" | "generatedAt">) {
  const rows = globalRanksBySource(ranks);
  return (
    <Card title="Global rank by source" action="lower is better">
      {rows.length ? (
        <ul className="list">
          {rows.map((rank) => (
            <li key={rank.source} className="list__row">
              <span className="list__label">{rank.source}</span>
              <span
                className={`list__value numeric${rank.kind === "unranked" ? " muted" : ""}`}
                data-testid={`rank-${rank.source}`}
                data-kind={rank.kind}
              >
                {formatRank(rank)}
              </span>
              <RelativeTime iso={rank.at} fallbackNow={generatedAt} className="list__meta" />
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState title="No ranks yet">
          No rank source has reported a global rank for the service. Rank tracking (Tranco,
          Cloudflare Radar and similar lists, configured in liftoff.config.yaml) fills this card
          with the exact place or the bucket each source gives.
        </EmptyState>
      )}
    </Card>
  );
}
