"use client";
// The climb chart's card: one source's lines (one per site) under a legend of the sites, the chart
// (drawn in the browser), or what stands in for it: a skeleton while loading, an empty state that
// says why. Under it, the best rank shown and the milestones, in words, for the server's HTML and
// screen readers.
import Link from "next/link";
import { useMemo } from "react";
import { ChartRankClimb } from "@/components/charts/chart-rank-climb";
import { useIsClient } from "@/components/hooks/use-now";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalDateTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { formatCount } from "@/lib/api-client/format";
import type { RankPageData } from "@/lib/rank/rank-page-types";
import {
  bestShown,
  climbMarkers,
  climbWindows,
  linesExtent,
  rankAxis,
  readingsAt,
  shownLines,
  toClimbLines,
  toClimbRows,
  type ClimbLine,
} from "./climb-chart-data";
import { ClimbLegend } from "./climb-legend";

const HEIGHT = 340;
const HALF_DAY = 12 * 3_600_000;

export type ClimbChartCardProps = {
  data: RankPageData | undefined;
  error: unknown;
  /** The source drawn (chooseClimbSource), null when no source has a series in the range. */
  source: string | null;
  hidden: string[];
  onToggleCompetitor: (domain: string, shown: boolean) => void;
  rangeText: string;
};

/**
 * The time axis: from the first sample drawn (not before the range's start) to the newest of any
 * source, so a source's short history fills the chart rather than its last pixels.
 */
function timeSpan(data: RankPageData, lines: ClimbLine[]): [number, number] | null {
  if (!data.from || !data.to) return null;
  const extent = linesExtent(lines);
  let from = Math.max(Date.parse(data.from), extent?.[0] ?? -Infinity);
  let to = Date.parse(data.to);
  if (to - from < HALF_DAY) [from, to] = [from - HALF_DAY, to + HALF_DAY];
  return [from, to];
}

function standIn(data: RankPageData | undefined, error: unknown, lines: ClimbLine[]) {
  if (!data && !error) return <Skeleton height={HEIGHT} />;
  if (!data) {
    return (
      <EmptyState title="Couldn’t load the ranks">
        {error instanceof Error ? error.message : "Unknown error"}. It is retried on the next
        refresh.
      </EmptyState>
    );
  }
  if (!lines.some((line) => line.points.length)) {
    return (
      <EmptyState title="No rank samples in this range">
        {data.standings.some((s) => s.latest)
          ? "The newest samples are older than this range; choose All to see them."
          : "Nothing has been stored yet — the ingest-ranks job fills this from sources.ranks; see "}
        {data.standings.some((s) => s.latest) ? null : <Link href="/jobs">Jobs</Link>}
      </EmptyState>
    );
  }
  if (!lines.some((line) => line.points.some((point) => point.kind !== "unranked"))) {
    return (
      <EmptyState title="Not ranked in this range">
        Every sample in this range says the sources do not list the site at all.
      </EmptyState>
    );
  }
  return null;
}

export function ClimbChartCard({
  data,
  error,
  source,
  hidden,
  onToggleCompetitor,
  rangeText,
}: ClimbChartCardProps) {
  const isClient = useIsClient();
  const lines = useMemo(() => (data ? toClimbLines(data, source) : []), [data, source]);
  const shown = useMemo(() => shownLines(lines, hidden), [lines, hidden]);
  const chart = useMemo(() => {
    const span = data ? timeSpan(data, shown) : null;
    const axis = rankAxis(shown);
    if (!data?.to || !span || !axis) return null;
    const { rows, segments } = toClimbRows(shown, axis.domain[1], span[1]);
    return {
      axis,
      rows,
      segments,
      xDomain: span,
      windows: climbWindows(data.outages, data.to),
      markers: climbMarkers(data.markers, shown, source),
    };
  }, [data, shown, source]);
  const best = bestShown(shown);
  const fallback = standIn(data, error, lines);
  const sourceName = lines[0]?.sourceName ?? source ?? "";
  const nameOf = (key: string | null) =>
    data?.sources.find((s) => s.key === key)?.name ?? key ?? "";

  return (
    <Card
      title={`Global rank ${rangeText}${sourceName ? ` · ${sourceName}` : ""}`}
      action="lower is better · log scale"
      className="chart-card rank-chart"
      data-testid="chart-rank-climb"
    >
      {data && !fallback ? (
        <ClimbLegend lines={lines} hidden={hidden} onToggle={onToggleCompetitor} />
      ) : null}
      {fallback ??
        (isClient && chart ? (
          <ChartRankClimb
            rows={chart.rows}
            segments={chart.segments}
            yDomain={chart.axis.domain}
            yTicks={chart.axis.ticks}
            xDomain={chart.xDomain}
            readingsAt={(t) => readingsAt(shown, t)}
            windows={chart.windows}
            markers={chart.markers}
            ariaLabel={`Global rank of ${data?.service.name ?? "the service"} and its competitors on ${sourceName}, ${rangeText}; rank 1 at the top`}
            height={HEIGHT}
          />
        ) : (
          <Skeleton height={HEIGHT} />
        ))}
      {data && !fallback ? (
        <div className="chart-card__caption">
          <p data-testid="rank-best-shown">
            {best ? (
              <>
                Best place on {best.line.sourceName} {rangeText}:{" "}
                <strong className="numeric">#{formatCount(best.rank)}</strong>, first on{" "}
                <LocalDateTime iso={best.at} />.
              </>
            ) : (
              `No exact place for ${data.service.name} on ${sourceName} ${rangeText}.`
            )}{" "}
            Shaded bands are buckets: the source gives a range, not a place.
          </p>
          {data.markers.length ? (
            <ul className="rank-markers" aria-label="Milestones">
              {data.markers.map((marker) => (
                <li key={`${marker.at}-${marker.label}`} data-testid="rank-marker">
                  <span className="rank-markers__label">{marker.label}</span>{" "}
                  <LocalDateTime iso={marker.at} className="muted" />
                  {marker.source && marker.source !== source ? (
                    <span className="muted"> · {nameOf(marker.source)}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}
