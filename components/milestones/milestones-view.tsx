"use client";
// The Milestones page: the posts waiting for a founder at the top, then every milestone the
// service reached with its posts to each channel. One query, refreshed every 20 s.
import { useQuery } from "@tanstack/react-query";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorNotice } from "@/components/ui/error-notice";
import { PageHeader } from "@/components/ui/page-header";
import { ListSkeleton, PageHeaderSkeleton } from "@/components/ui/skeleton";
import { formatCount } from "@/lib/api-client/format";
import { milestonesQuery } from "@/lib/api-client/milestones";
import type { MilestonesPageData } from "@/lib/milestones/queries/milestones-page-types";
import { ChannelModes } from "./channel-modes";
import { DecisionsSection } from "./decisions-section";
import { MilestoneTimeline } from "./milestone-timeline";
import "@/components/uptime/uptime.css";
import "./milestones.css";

function summary(data: MilestonesPageData): string {
  const { counts } = data;
  const parts = [
    `${formatCount(data.milestones.length)} milestone${data.milestones.length === 1 ? "" : "s"}`,
    `${formatCount(counts.sent)} sent`,
    `${formatCount(counts.pending + counts.sending)} queued`,
  ];
  if (counts.failed) parts.push(`${formatCount(counts.failed)} failed`);
  if (counts.dry_run) parts.push(`${formatCount(counts.dry_run)} dry run`);
  return parts.join(" · ");
}

export function MilestonesView() {
  const { data, error, isPending } = useQuery(milestonesQuery());

  if (isPending) {
    return (
      <div aria-busy="true" aria-label="Loading">
        <PageHeaderSkeleton />
        <ListSkeleton />
      </div>
    );
  }
  if (!data) {
    return (
      <>
        <PageHeader eyebrow="Milestones" title="Milestones" />
        <ErrorNotice what="the milestones" error={error} />
      </>
    );
  }

  return (
    <>
      <PageHeader
        eyebrow="Milestones"
        title="Milestones and posts"
        description={summary(data)}
        actions={<ChannelModes channels={data.channels} />}
      />
      <div className="stack">
        <DecisionsSection data={data} />
        <Card title="Timeline" action="newest first" data-testid="timeline">
          {data.milestones.length ? (
            <MilestoneTimeline milestones={data.milestones} generatedAt={data.generatedAt} />
          ) : (
            <EmptyState title="No milestone reached yet">
              Liftoff records a milestone when a rule under <code>milestones</code> in
              liftoff.config.yaml is met: users crossing a threshold, entering the top N, a new best
              rank, #1 in a country, a record day, an outage over. Each is posted once to every
              account under <code>channels</code> (X, Mastodon, Bluesky, a webhook), or waits here
              for your approval when its channel asks for it.
            </EmptyState>
          )}
        </Card>
      </div>
    </>
  );
}
