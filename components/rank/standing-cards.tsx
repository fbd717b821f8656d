"use client";
// One card per rank source: where the service stands now, its best place ever and when, and how
// far it moved in 24 h and 7 d. A bucket is said as a bucket; a missing change says why. Each card
// with data in the range has a button that charts its source (as Plausible's stats pick the graph's
// metric); the charted one is marked.
import { Card } from "@/components/ui/card";
import { LocalDateTime, RelativeTime } from "@/components/ui/relative-time";
import { formatCount, formatRank } from "@/lib/api-client/format";
import { changeClass, describeRankChange } from "@/lib/api-client/rank";
import type { RankPageData, RankStanding } from "@/lib/rank/rank-page-types";

type StandingCardsProps = Pick<RankPageData, "standings" | "sources" | "generatedAt"> & {
  /** Sources with a series in the range, which the climb chart can draw. */
  chartable: string[];
  /** The source the climb chart draws. */
  charted: string | null;
  onChart: (source: string) => void;
};

type ChartButtonProps = { name: string; charted: boolean; onChart: () => void };

function ChartButton({ name, charted, onChart }: ChartButtonProps) {
  return (
    <button
      type="button"
      className="standing__chart"
      aria-pressed={charted}
      aria-label={`Chart ${name}`}
      title={charted ? `${name} is on the chart below` : `Draw ${name} on the chart below`}
      onClick={onChart}
    >
      {charted ? "Charted" : "Chart"}
    </button>
  );
}

function Change({ standing, window }: { standing: RankStanding; window: "24h" | "7d" }) {
  const change = describeRankChange(
    window === "24h" ? standing.change24h : standing.change7d,
    window,
    standing.latest,
  );
  return (
    <div className="standing__change">
      <dt>{window === "24h" ? "24 h" : "7 d"}</dt>
      <dd
        className={`numeric ${changeClass(change.tone)}`}
        title={change.title}
        data-testid={`change-${window}-${standing.source}`}
      >
        {change.text}
      </dd>
    </div>
  );
}

function StandingCard({
  standing,
  name,
  generatedAt,
  chart,
}: {
  standing: RankStanding;
  name: string;
  generatedAt: string;
  /** The card's chart button, when its source has data in the range. */
  chart: ChartButtonProps | null;
}) {
  const { latest, best } = standing;
  return (
    <Card
      title={name}
      action={chart ? <ChartButton {...chart} /> : "global"}
      className={`stat-card standing${chart?.charted ? " standing--charted" : ""}`}
    >
      {latest ? (
        <>
          <p
            className={`stat-card__value${latest.kind === "exact" ? "" : " stat-card__value--missing"}`}
            data-testid={`standing-${standing.source}`}
            data-kind={latest.kind}
          >
            {formatRank(latest)}
          </p>
          <p className="stat-card__caption">
            {chart ? "global · " : ""}
            {latest.kind === "bucket" ? "a bucket: the source gives no exact place · " : ""}
            <RelativeTime iso={latest.at} fallbackNow={generatedAt} />
          </p>
        </>
      ) : (
        <p
          className="stat-card__value stat-card__value--missing"
          data-testid={`standing-${standing.source}`}
        >
          No sample yet
        </p>
      )}
      <dl className="standing__changes">
        <Change standing={standing} window="24h" />
        <Change standing={standing} window="7d" />
      </dl>
      <p className="standing__best" data-testid={`best-${standing.source}`}>
        {best ? (
          <>
            Best <strong className="numeric">#{formatCount(best.rank)}</strong>, first on{" "}
            <LocalDateTime iso={best.at} />
          </>
        ) : (
          <span title="Only exact places count as a best rank; buckets and unranked samples do not">
            No exact rank yet
          </span>
        )}
      </p>
    </Card>
  );
}

export function StandingCards({
  standings,
  sources,
  generatedAt,
  chartable,
  charted,
  onChart,
}: StandingCardsProps) {
  const nameOf = (key: string) => sources.find((source) => source.key === key)?.name ?? key;
  // Sources that have not reported yet still get a card, so a missing one is seen.
  const all: RankStanding[] = [
    ...standings,
    ...sources
      .filter((source) => !standings.some((s) => s.source === source.key))
      .map((source) => ({
        source: source.key,
        latest: null,
        best: null,
        change24h: null,
        change7d: null,
      })),
  ];
  // In the configured order of the sources.
  const order = (key: string) => {
    const index = sources.findIndex((source) => source.key === key);
    return index === -1 ? sources.length : index;
  };
  all.sort((a, b) => order(a.source) - order(b.source) || a.source.localeCompare(b.source));
  return (
    <div className="grid grid--stats" data-testid="rank-standings">
      {all.map((standing) => (
        <StandingCard
          key={standing.source}
          standing={standing}
          name={nameOf(standing.source)}
          generatedAt={generatedAt}
          chart={
            chartable.includes(standing.source)
              ? {
                  name: nameOf(standing.source),
                  charted: charted === standing.source,
                  onChart: () => onChart(standing.source),
                }
              : null
          }
        />
      ))}
    </div>
  );
}
