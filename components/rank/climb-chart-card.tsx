"use client";
// The climb chart's card: the competitor switches and legend, the chart (drawn in the browser),
// or what stands in for it: a skeleton while loading, an empty state that says why. Under it, the
// best rank shown and the milestones marked, in words, for the server's HTML and screen readers.
import Link from "next/link";
import { useMemo, type CSSProperties } from "react";
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
  rankAxis,
  readingsAt,
  shownLines,
  toClimbLines,
  toClimbRows,
  type ClimbLine,
} from "./climb-chart-data";

const HEIGHT = 340;
const HALF_DAY = 12 * 3_600_000;

export type ClimbChartCardProps = {
  data: RankPageData | undefined;
  error: unknown;
  hidden: string[];
  onToggleCompetitor: (domain: string, shown: boolean) => void;
  rangeText: string;
};

function swatchClass(line: ClimbLine): string {
  const onlyBuckets = line.points.every((point) => point.kind !== "exact");
  const kind = onlyBuckets && line.points.some((p) => p.kind === "bucket") ? "band" : "line";
  return `rank-swatch rank-swatch--${kind}${line.isService ? "" : " rank-swatch--dashed"}`;
}

function Legend({ lines }: { lines: ClimbLine[] }) {
  return (
    <ul className="rank-legend" aria-label="Lines">
      {lines.map((line) => (
        <li key={line.key} className="rank-legend__item" data-testid={`legend-${line.key}`}>
          <span
            className={swatchClass(line)}
            style={{ "--swatch": line.color } as CSSProperties}
            aria-hidden="true"
          />
          {line.label}
          {line.points.every((point) => point.kind === "unranked") ? (
            <span className="muted"> (unranked)</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function CompetitorSwitches({
  data,
  lines,
  hidden,
  onToggle,
}: {
  data: RankPageData;
  lines: ClimbLine[];
  hidden: string[];
  onToggle: (domain: string, shown: boolean) => void;
}) {
  const competitors = data.competitors.filter((c) => lines.some((l) => l.domain === c.domain));
  if (!competitors.length) return null;
  return (
    <fieldset className="rank-switches">
      <legend className="rank-switches__title">Competitors</legend>
      {competitors.map((competitor) => (
        <label key={competitor.domain} className="rank-switches__option">
          <input
            type="checkbox"
            checked={!hidden.includes(competitor.domain)}
            onChange={(event) => onToggle(competitor.domain, event.target.checked)}
          />
          {competitor.name}
        </label>
      ))}
    </fieldset>
  );
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
  hidden,
  onToggleCompetitor,
  rangeText,
}: ClimbChartCardProps) {
  const isClient = useIsClient();
  const lines = useMemo(() => (data ? toClimbLines(data) : []), [data]);
  const shown = useMemo(() => shownLines(lines, hidden), [lines, hidden]);
  const chart = useMemo(() => {
    if (!data?.from || !data.to) return null;
    const axis = rankAxis(shown);
    if (!axis) return null;
    let from = Date.parse(data.from);
    let to = Date.parse(data.to);
    if (to - from < HALF_DAY) [from, to] = [from - HALF_DAY, to + HALF_DAY];
    const { rows, segments } = toClimbRows(shown, axis.domain[1], to);
    return {
      axis,
      rows,
      segments,
      xDomain: [from, to] as [number, number],
      windows: climbWindows(data.outages, data.to),
      markers: climbMarkers(data.markers, shown),
    };
  }, [data, shown]);
  const best = bestShown(shown);
  const fallback = standIn(data, error, lines);

  return (
    <Card
      title={`Global rank ${rangeText}`}
      action="lower is better · log scale"
      className="chart-card rank-chart"
      data-testid="chart-rank-climb"
    >
      {data && !fallback ? (
        <div className="rank-chart__controls">
          <Legend lines={shown} />
          <CompetitorSwitches
            data={data}
            lines={lines}
            hidden={hidden}
            onToggle={onToggleCompetitor}
          />
        </div>
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
            ariaLabel={`Global rank of ${data?.service.name ?? "the service"} per source, ${rangeText}; rank 1 at the top`}
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
                Best place {rangeText}:{" "}
                <strong className="numeric">#{formatCount(best.rank)}</strong> on{" "}
                {best.line.sourceName}, first on <LocalDateTime iso={best.at} />.
              </>
            ) : (
              `No exact place for ${data.service.name} ${rangeText}.`
            )}{" "}
            Shaded bands are buckets: the source gives a range, not a place.
          </p>
          {data.markers.length ? (
            <ul className="rank-markers" aria-label="Milestones marked on the chart">
              {data.markers.map((marker) => (
                <li key={`${marker.at}-${marker.label}`} data-testid="rank-marker">
                  <span className="rank-markers__label">{marker.label}</span>{" "}
                  <LocalDateTime iso={marker.at} className="muted" />
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}
