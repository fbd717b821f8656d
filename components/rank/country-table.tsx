"use client";
// The service's rank per country and source: where it stands, how it moved in 7 d, its best.
// Four narrow columns (the source under the country's name) so that it fits a phone's width
// without cutting a number or scrolling sideways.
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalDateTime } from "@/components/ui/relative-time";
import { formatCount, formatRank } from "@/lib/api-client/format";
import { changeClass, describeRankChange, rankOrder } from "@/lib/api-client/rank";
import type { RankPageData } from "@/lib/rank/rank-page-types";

type CountryTableProps = Pick<RankPageData, "countries" | "sources">;

export function CountryTable({ countries, sources }: CountryTableProps) {
  const nameOf = (key: string) => sources.find((source) => source.key === key)?.name ?? key;
  const rows = [...countries].sort(
    (a, b) =>
      rankOrder(a.latest) - rankOrder(b.latest) ||
      a.country.localeCompare(b.country) ||
      a.source.localeCompare(b.source),
  );
  return (
    <Card title="By country" action="lower is better">
      {rows.length ? (
        <div className="table-scroll">
          <table className="rank-table" data-testid="rank-countries">
            <thead>
              <tr>
                <th scope="col">Country</th>
                <th scope="col" className="rank-table__number">
                  Rank
                </th>
                <th scope="col" className="rank-table__number">
                  7 d
                </th>
                <th scope="col">Best</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const change = describeRankChange(row.change7d, "7d", row.latest);
                return (
                  <tr key={`${row.scope}-${row.source}`} data-testid="country-row">
                    <th scope="row" title={row.scope} className="rank-table__country">
                      {row.country}
                      <span className="rank-table__source">{nameOf(row.source)}</span>
                    </th>
                    <td
                      className={`rank-table__number numeric${row.latest.kind === "exact" ? " rank-table__rank" : " muted"}`}
                      data-kind={row.latest.kind}
                    >
                      {formatRank(row.latest)}
                    </td>
                    <td
                      className={`rank-table__number numeric ${changeClass(change.tone)}`}
                      title={change.title}
                    >
                      {change.text}
                    </td>
                    <td className="numeric rank-table__best">
                      {row.best ? (
                        <>
                          #{formatCount(row.best.rank)}{" "}
                          <LocalDateTime iso={row.best.at} className="rank-table__when" />
                        </>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <EmptyState compact title="No country ranks">
          Country ranks come from sources that rank by country (Cloudflare Radar&rsquo;s{" "}
          <code>locations</code>, or a page with country rows); none has reported one for the
          service yet.
        </EmptyState>
      )}
    </Card>
  );
}
