"use client";
// Every recorded milestone, newest first: when it was met, what, its value, what the rule noted
// about it, and each of its posts.
import { LocalDateTime } from "@/components/ui/relative-time";
import { formatCount } from "@/lib/api-client/format";
import type { MilestoneView } from "@/lib/milestones/queries/milestones-page-types";
import { PostItem } from "./post-item";

const ruleLabel: Record<string, string> = {
  metric: "User count",
  rank: "Rank",
  "best-rank": "New best rank",
  "country-first": "#1 in a country",
  "outage-resolved": "Outage over",
  velocity: "Record period",
  time: "Since launch",
};

function Details({ details }: { details: Record<string, unknown> }) {
  const entries = Object.entries(details).filter(([name]) => name !== "label");
  if (!entries.length) return null;
  return (
    <details className="milestone-details">
      <summary>What the rule noted</summary>
      <dl>
        {entries.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{typeof value === "number" ? formatCount(value) : String(value)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

export function MilestoneTimeline({
  milestones,
  generatedAt,
}: {
  milestones: MilestoneView[];
  generatedAt: string;
}) {
  return (
    <ol className="milestone-timeline" aria-label="Milestones, newest first">
      {milestones.map((milestone) => (
        <li key={milestone.id} className="milestone-timeline__item" data-testid="milestone">
          <LocalDateTime iso={milestone.metAt} className="milestone-timeline__when numeric" />
          <div className="milestone-timeline__body">
            <h3 className="milestone-timeline__what">{milestone.label}</h3>
            <p className="muted">
              {ruleLabel[milestone.rule] ?? milestone.rule} · value{" "}
              <span className="numeric">{formatCount(milestone.value)}</span>
            </p>
            <Details details={milestone.details} />
            {milestone.posts.length ? (
              <ul className="milestone-posts">
                {milestone.posts.map((post) => (
                  <PostItem key={post.id} post={post} generatedAt={generatedAt} />
                ))}
              </ul>
            ) : (
              <p className="muted">
                No channel was configured when it was met: nothing was posted.
              </p>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
