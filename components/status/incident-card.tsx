// One incident: its impact as a colour and in words, its status, which components it touched, how
// long it lasted once resolved, and every update, newest first, timed in the page's zone.
import type { StatusComponent, StatusIncident } from "@/lib/status/status-types";
import {
  formatSpan,
  formatStatusTime,
  impactLabel,
  impactTone,
  incidentStatusLabel,
  isResolved,
} from "@/lib/status/status-labels";

export type IncidentCardProps = {
  incident: StatusIncident;
  components: readonly StatusComponent[];
  timeZone: string;
  /** Unresolved: highlighted at the top of the page. */
  active?: boolean;
};

export function IncidentCard({ incident, components, timeZone, active }: IncidentCardProps) {
  const tone = impactTone[incident.impact];
  const affected = components
    .filter((component) => incident.componentIds.includes(component.id))
    .map((component) => component.name);
  const resolved = isResolved(incident.status) && incident.resolvedAt !== null;
  return (
    <article
      className={`incident tone-${tone}${active ? " incident--active" : ""}`}
      id={`incident-${incident.id}`}
      data-testid="incident"
      data-incident-id={incident.id}
      data-impact={incident.impact}
      data-status={incident.status}
    >
      <header className="incident__header">
        <h3 className="incident__name">{incident.name}</h3>
        <span className="incident__badges">
          <span className="status-badge status-badge--impact">{impactLabel[incident.impact]}</span>
          <span className="status-badge">{incidentStatusLabel[incident.status]}</span>
        </span>
      </header>
      <p className="incident__meta">
        <span>
          Started{" "}
          <time dateTime={incident.startedAt}>
            {formatStatusTime(incident.startedAt, timeZone)}
          </time>
        </span>
        {resolved ? (
          <span data-testid="incident-duration">
            Resolved after{" "}
            {formatSpan(Date.parse(incident.resolvedAt!) - Date.parse(incident.startedAt))}
          </span>
        ) : null}
        {affected.length ? <span>Affected: {affected.join(", ")}</span> : null}
      </p>
      {incident.updates.length ? (
        <ol className="incident__updates">
          {incident.updates.map((update) => (
            <li key={update.id} className="incident-update" data-testid="incident-update">
              <p className="incident-update__status">{incidentStatusLabel[update.status]}</p>
              <div className="incident-update__text">
                <p className="incident-update__body">{update.body}</p>
                <time className="incident-update__time" dateTime={update.displayAt}>
                  {formatStatusTime(update.displayAt, timeZone)}
                </time>
              </div>
            </li>
          ))}
        </ol>
      ) : null}
    </article>
  );
}
