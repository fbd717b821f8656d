// Maintenance in progress and coming up, with its window in the page's zone and what it touches.
import type { StatusComponent, StatusMaintenance } from "@/lib/status/status-types";
import { formatWindow, maintenanceStatusLabel } from "@/lib/status/status-labels";

export function MaintenanceList({
  maintenances,
  components,
  timeZone,
}: {
  maintenances: readonly StatusMaintenance[];
  components: readonly StatusComponent[];
  timeZone: string;
}) {
  if (maintenances.length === 0) return null;
  return (
    <section className="status-section" aria-labelledby="maintenance-title">
      <h2 className="status-section__title" id="maintenance-title">
        Maintenance
      </h2>
      <div className="incident-list">
        {maintenances.map((maintenance) => {
          const affected = components
            .filter((component) => maintenance.componentIds.includes(component.id))
            .map((component) => component.name);
          const active = maintenance.status !== "scheduled";
          return (
            <article
              key={maintenance.id}
              className={`incident maintenance tone-maintenance${active ? " incident--active" : ""}`}
              data-testid="maintenance"
              data-status={maintenance.status}
            >
              <header className="incident__header">
                <h3 className="incident__name">{maintenance.name}</h3>
                <span className="status-badge status-badge--impact">
                  {maintenanceStatusLabel[maintenance.status]}
                </span>
              </header>
              <p className="incident__meta">
                <span>
                  <time dateTime={maintenance.scheduledFor}>
                    {formatWindow(maintenance.scheduledFor, maintenance.scheduledUntil, timeZone)}
                  </time>
                </span>
                {affected.length ? <span>Affected: {affected.join(", ")}</span> : null}
              </p>
              {maintenance.body ? <p className="maintenance__body">{maintenance.body}</p> : null}
            </article>
          );
        })}
      </div>
    </section>
  );
}
