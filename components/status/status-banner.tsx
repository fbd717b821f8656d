// The top of the page: the overall status in a coloured band, when it was last updated, and while
// the database is unreachable a notice, in words, of when the status shown was read and how long
// ago that was.
import type { ServedSnapshot } from "@/lib/status/status-types";
import { StatusIcon } from "./status-icon";
import {
  formatStatusTime,
  indicatorTone,
  staleNotice,
  unknownNotice,
} from "@/lib/status/status-labels";
import { isUnknownSnapshot } from "@/lib/status/unknown-snapshot";

export function StatusBanner({ served }: { served: ServedSnapshot }) {
  const { snapshot, stale, ageMs } = served;
  const tone = indicatorTone[snapshot.status.indicator];
  return (
    <section className="status-banner-wrap" aria-label="Current status">
      <div
        className={`status-banner tone-${tone}`}
        data-testid="status-banner"
        data-indicator={snapshot.status.indicator}
      >
        <StatusIcon tone={tone} />
        <p className="status-banner__text">{snapshot.status.description}</p>
      </div>
      {stale ? (
        <p className="status-stale" role="status" data-testid="status-stale">
          {isUnknownSnapshot(snapshot)
            ? unknownNotice
            : staleNotice(snapshot.generatedAt, ageMs, snapshot.page.timeZone)}
        </p>
      ) : (
        <p className="status-updated">
          Updated{" "}
          <time dateTime={snapshot.generatedAt}>
            {formatStatusTime(snapshot.generatedAt, snapshot.page.timeZone)}
          </time>
        </p>
      )}
    </section>
  );
}
