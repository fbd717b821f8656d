"use client";
// Every rank source's latest global rank for the service, and how far it moved in 24 h and 7 d.
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { formatRank } from "@/lib/api-client/format";
import { changeClass, describeRankChange } from "@/lib/api-client/rank";
import { globalRanksBySource } from "@/lib/api-client/ranks";
import type { OverviewData, RankSummary } from "@/lib/dashboard/types";

/** "▲ 1,234 in 7 d" for each window with a change; nothing when neither has one. */
function Trend({ rank }: { rank: RankSummary }) {
  const windows = [
    { window: "24h" as const, change: rank.change24h, words: "in 24 h" },
    { window: "7d" as const, change: rank.change7d, words: "in 7 d" },
  ].filter((entry) => entry.change !== null);
  if (!windows.length) return null;
  return (
    <span className="rank-trend" data-testid={`rank-trend-${rank.source}`}>
      {windows.map(({ window, change, words }) => {
        const described = describeRankChange(change, window, rank);
        return (
          <span key={window} title={described.title}>
            {" · "}
            <span className={`numeric ${changeClass(described.tone)}`}>{described.text}</span>{" "}
            {words}
          </span>
        );
      })}
    </span>
  );
}

export function RanksCard({ ranks, generatedAt }: Pick<OverviewData, "ranks" | "generatedAt">) {
  const rows = globalRanksBySource(ranks);
  return (
    <Card title="Global rank by source" action={<Link href="/rank">lower is better · Rank</Link>}>
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
              <span className="list__meta">
                <RelativeTime iso={rank.at} fallbackNow={generatedAt} />
                <Trend rank={rank} />
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState title="No ranks yet">
          No rank source has reported a global rank for the service. Declare sources under{" "}
          <code>sources.ranks</code> in liftoff.config.yaml (Tranco, Cloudflare Radar and similar
          lists); the <code>ingest-ranks</code> job fills this card with the exact place or the
          bucket each source gives.
        </EmptyState>
      )}
    </Card>
  );
}
