// Past incidents, newest first, a page at a time with plain links (?page=2), so paging works
// without JavaScript.
import type { StatusSnapshot } from "@/lib/status/status-types";
import { IncidentCard } from "./incident-card";
import { type IncidentPage, incidentPageHref } from "./incident-pages";

export function IncidentHistory({
  snapshot,
  paged,
}: {
  snapshot: StatusSnapshot;
  paged: IncidentPage;
}) {
  const { page, pageCount, history, total } = paged;
  return (
    <section className="status-section" id="history" aria-labelledby="history-title">
      <h2 className="status-section__title" id="history-title">
        Past incidents
        {pageCount > 1 ? (
          <span className="status-section__note">
            {" "}
            page {page} of {pageCount}
          </span>
        ) : null}
      </h2>
      {history.length ? (
        <div className="incident-list" data-testid="incident-history">
          {history.map((incident) => (
            <IncidentCard
              key={incident.id}
              incident={incident}
              components={snapshot.components}
              timeZone={snapshot.page.timeZone}
            />
          ))}
        </div>
      ) : (
        <p className="status-empty">No incidents in the last 90 days.</p>
      )}
      {pageCount > 1 ? (
        <nav className="pager" aria-label="Incident history pages">
          {page > 1 ? (
            <a className="pager__link" href={incidentPageHref(page - 1)} rel="prev">
              ← Newer incidents
            </a>
          ) : (
            <span />
          )}
          <span className="pager__count">
            {total} {total === 1 ? "incident" : "incidents"}
          </span>
          {page < pageCount ? (
            <a className="pager__link" href={incidentPageHref(page + 1)} rel="next">
              Older incidents →
            </a>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </section>
  );
}
