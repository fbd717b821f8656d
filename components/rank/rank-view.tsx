"use client";
// The Rank page: where the service stands per source, its climb against the competitors on one
// source at a time with outages shaded and milestones marked, its rank per country, and how fresh
// each source is. One query per range, refreshed every minute (lists change daily, pages hourly).
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorNotice } from "@/components/ui/error-notice";
import { PageHeader } from "@/components/ui/page-header";
import { RelativeTime } from "@/components/ui/relative-time";
import { rankQuery, withCompetitor } from "@/lib/api-client/rank";
import type { RankPageData, RankRange } from "@/lib/rank/rank-page-types";
import { ClimbChartCard } from "./climb-chart-card";
import { chooseClimbSource, climbSources } from "./climb-source";
import { CountryTable } from "./country-table";
import { RankRangePicker } from "./rank-range-picker";
import { RankSkeleton } from "./rank-skeleton";
import { RankSourcePicker } from "./rank-source-picker";
import { SourceFreshness } from "./source-freshness";
import { StandingCards } from "./standing-cards";
import { useRankState } from "./use-rank-state";
import "@/components/overview/overview.css";
import "@/components/growth/growth.css";
import "./rank.css";

const rangeWords: Record<RankRange, string> = {
  "7d": "in the last 7 d",
  "30d": "in the last 30 d",
  "90d": "in the last 90 d",
  all: "since the first sample",
};

/** Nothing to show at all: no source configured, or none has stored a sample yet. */
function NothingYet({ data }: { data: RankPageData }) {
  const configured = data.sources.length > 0;
  return (
    <Card>
      <EmptyState
        title={configured ? "No rank samples yet" : "No rank sources configured"}
        action={
          <Link href="/jobs#job-ingest-ranks" className="button button--ghost button--small">
            See ingest-ranks on Jobs
          </Link>
        }
      >
        {configured ? (
          <p>
            {data.sources.length} source{data.sources.length === 1 ? " is" : "s are"} configured,
            but none has stored a rank for <code>{data.service.domain}</code> yet. The{" "}
            <code>ingest-ranks</code> job reads them every hour; the sources below say when each
            last ran and what went wrong.
          </p>
        ) : (
          <p>
            Declare rank sources under <code>sources.ranks</code> in liftoff.config.yaml (Tranco,
            Cloudflare Radar, a CSV list such as Majestic or CrUX, or a page with a rank on it). The{" "}
            <code>ingest-ranks</code> job then reads the rank of <code>{data.service.domain}</code>{" "}
            and of every competitor, and this page fills with the climb.
          </p>
        )}
      </EmptyState>
    </Card>
  );
}

export function RankView() {
  const { state, update } = useRankState();
  const query = useQuery({ ...rankQuery(state.range), placeholderData: keepPreviousData });
  const { data, error } = query;
  const sources = useMemo(() => (data ? climbSources(data) : []), [data]);
  const source = chooseClimbSource(sources, state.source);

  if (query.isPending) return <RankSkeleton />;
  if (!data) {
    return (
      <>
        <PageHeader eyebrow="Rank" title="Rank climb" />
        <ErrorNotice what="the ranks" error={error} />
      </>
    );
  }

  const stale = query.isError;
  const busy = query.isPlaceholderData;
  const empty = !data.standings.some((s) => s.latest) && !data.series.some((s) => s.points.length);
  const rangeText = rangeWords[state.range ?? data.range];

  return (
    <>
      <PageHeader
        eyebrow="Rank"
        title={`${data.service.name}’s climb`}
        description={
          <>
            {data.service.domain}
            {data.competitors.length
              ? ` against ${data.competitors.map((c) => c.name).join(", ")}`
              : ""}{" "}
            · lower is better
          </>
        }
        actions={
          <p className={`live${stale ? " live--stale" : ""}`} aria-live="polite">
            <span
              className={`live__dot${query.isFetching ? " live__dot--fetching" : ""}`}
              aria-hidden="true"
            />
            <span>
              {stale ? "Refresh failed; showing data from" : "Live · updated"}{" "}
              <RelativeTime iso={data.generatedAt} fallbackNow={data.generatedAt} />
            </span>
          </p>
        }
      />

      {empty ? (
        <div className="stack">
          <NothingYet data={data} />
          <SourceFreshness sources={data.sources} generatedAt={data.generatedAt} />
        </div>
      ) : (
        <>
          <div className="growth-toolbar">
            <RankRangePicker
              range={state.range ?? data.range}
              onChange={(range) => update({ ...state, range })}
            />
            <RankSourcePicker
              sources={sources}
              source={source}
              onChange={(key) => update({ ...state, source: key })}
            />
          </div>
          <div className={`stack${busy ? " growth--busy" : ""}`} aria-busy={busy}>
            <StandingCards
              standings={data.standings}
              sources={data.sources}
              generatedAt={data.generatedAt}
              chartable={sources.map((option) => option.key)}
              charted={source}
              onChart={(key) => update({ ...state, source: key })}
            />
            <ClimbChartCard
              data={data}
              error={error}
              source={source}
              hidden={state.hidden}
              onToggleCompetitor={(domain, shown) => update(withCompetitor(state, domain, shown))}
              rangeText={rangeText}
            />
            <div className="grid grid--halves">
              <CountryTable countries={data.countries} sources={data.sources} />
              <SourceFreshness sources={data.sources} generatedAt={data.generatedAt} />
            </div>
          </div>
        </>
      )}
    </>
  );
}
