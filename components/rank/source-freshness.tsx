"use client";
// How fresh each rank source is: its newest sample for the service, the last ingest-ranks run
// that read it, and that run's error for this source, in red.
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import type { RankPageData } from "@/lib/rank/rank-page-types";

type SourceFreshnessProps = Pick<RankPageData, "sources" | "generatedAt">;

export function SourceFreshness({ sources, generatedAt }: SourceFreshnessProps) {
  return (
    <Card title="Sources" action={<Link href="/jobs#job-ingest-ranks">ingest-ranks on Jobs</Link>}>
      {sources.length ? (
        <ul className="list" data-testid="rank-sources">
          {sources.map((source) => (
            <li
              key={source.key}
              className="list__row"
              data-testid={`source-${source.key}`}
              data-failed={source.lastError ? "true" : "false"}
            >
              <span className="list__label">
                <span>
                  {source.name}
                  <span className="list__sub">{source.kind}</span>
                </span>
              </span>
              <span className="list__value rank-source__sample">
                {source.latestSampleAt ? (
                  <>
                    <span className="list__sub">newest sample</span>
                    <RelativeTime iso={source.latestSampleAt} fallbackNow={generatedAt} />
                  </>
                ) : (
                  <span className="muted">no sample yet</span>
                )}
              </span>
              <span className="list__meta">
                {source.lastRunAt ? (
                  <>
                    last run <RelativeTime iso={source.lastRunAt} fallbackNow={generatedAt} />
                  </>
                ) : (
                  "not run yet"
                )}
              </span>
              {source.lastError ? (
                <span className="list__meta rank-source__error" role="status">
                  {source.lastError}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState compact title="No rank sources">
          Declare them under <code>sources.ranks</code> in liftoff.config.yaml.
        </EmptyState>
      )}
    </Card>
  );
}
