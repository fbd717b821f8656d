// The public status page, whole, from one served snapshot: the banner, maintenance, open
// incidents, the components with their 90-day bars, the last hour and day, and the history.
// Everything here renders on the server and reads without JavaScript.
import type { ServedSnapshot } from "@/lib/status/status-types";
import { ComponentList } from "./component-list";
import { currentMaintenances } from "./current-maintenances";
import { IncidentCard } from "./incident-card";
import { IncidentHistory } from "./incident-history";
import { pageIncidents } from "./incident-pages";
import { MaintenanceList } from "./maintenance-list";
import { PerformanceSection } from "./performance-section";
import { StatusAutoRefresh } from "./status-auto-refresh";
import { StatusBanner } from "./status-banner";
import { StatusFooter, StatusHeader } from "./status-chrome";

export type StatusPageViewProps = {
  served: ServedSnapshot;
  /** The history's page, from ?page=. */
  page: number;
  incidentsPerPage: number;
};

export function StatusPageView({ served, page, incidentsPerPage }: StatusPageViewProps) {
  const { snapshot } = served;
  // The moment this page describes: when the snapshot was built, plus how long it has been served.
  const now = Date.parse(snapshot.generatedAt) + served.ageMs;
  const paged = pageIncidents(snapshot.incidents, page, incidentsPerPage);
  const timeZone = snapshot.page.timeZone;
  return (
    <>
      <StatusHeader name={snapshot.page.name} />
      <StatusBanner served={served} />
      <MaintenanceList
        maintenances={currentMaintenances(snapshot.maintenances, now)}
        components={snapshot.components}
        timeZone={timeZone}
      />
      {paged.unresolved.length ? (
        <section className="status-section" aria-labelledby="active-title">
          <h2 className="status-section__title" id="active-title">
            Active incidents
          </h2>
          <div className="incident-list" data-testid="active-incidents">
            {paged.unresolved.map((incident) => (
              <IncidentCard
                key={incident.id}
                incident={incident}
                components={snapshot.components}
                timeZone={timeZone}
                active
              />
            ))}
          </div>
        </section>
      ) : null}
      <ComponentList snapshot={snapshot} now={now} />
      <PerformanceSection snapshot={snapshot} />
      <IncidentHistory snapshot={snapshot} paged={paged} />
      <StatusFooter timeZone={timeZone} />
      <StatusAutoRefresh />
    </>
  );
}
