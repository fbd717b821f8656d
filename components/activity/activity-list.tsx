// The Activity page: who did what to which incident, component, maintenance window or post, and
// when, over the last 90 days (lib/audit/read-activity.ts), newest first.
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { LocalDateTime, RelativeTime } from "@/components/ui/relative-time";
import type { ActivityEntry } from "@/lib/audit/read-activity";
import "./activity.css";

export type ActivityListProps = { entries: ActivityEntry[]; readAt: string };

export function ActivityList({ entries, readAt }: ActivityListProps) {
  return (
    <>
      <PageHeader
        eyebrow="Operations"
        title="Activity"
        description="Every founder's action on incidents, components, maintenance and posts in the last 90 days."
      />
      {entries.length ? (
        <ol className="card activity" aria-label="Founders' actions">
          {entries.map((entry) => (
            <li key={entry.id} className="activity__entry">
              <span className="activity__when">
                <RelativeTime iso={entry.at} fallbackNow={readAt} />
                <LocalDateTime iso={entry.at} className="activity__exact" />
              </span>
              <span className="activity__who">{entry.founderEmail}</span>
              <span className="activity__what">
                <code className="activity__action">{entry.action}</code> {entry.summary}
              </span>
            </li>
          ))}
        </ol>
      ) : (
        <EmptyState title="No actions in the last 90 days">
          Incidents opened or updated, component overrides, maintenance windows and decisions on
          posts appear here with the founder who took them.
        </EmptyState>
      )}
    </>
  );
}
