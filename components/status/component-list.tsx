// The components, each with its status in words and an icon, and its 90-day bar when it is
// showcased. Groups are <details>, so they fold and unfold without JavaScript.
import type { StatusComponent, StatusSnapshot } from "@/lib/status/status-types";
import { dayBars } from "./day-bars";
import { StatusIcon } from "./status-icon";
import { componentStatusLabel, componentStatusTone, uptimeLabel } from "@/lib/status/status-labels";
import { UptimeBar } from "./uptime-bar";
import { arrangeComponents } from "./visible-components";

type Context = { snapshot: StatusSnapshot; now: number };

function ComponentStatusText({ status }: { status: StatusComponent["status"] }) {
  return (
    <span className={`component-status tone-${componentStatusTone[status]}`}>
      <StatusIcon tone={componentStatusTone[status]} />
      {componentStatusLabel[status]}
    </span>
  );
}

/** "90 days ago ── 99.98% uptime over the last 90 days ── Today"; on a phone, 30 days are drawn but
 *  the percentage is still the 90 days', and says so. */
function UptimeCaptions({ uptime }: { uptime: number | null }) {
  return (
    <div className="uptime-captions" aria-hidden="true">
      <span>
        <span className="uptime-captions__long">90 days ago</span>
        <span className="uptime-captions__short">30 days ago</span>
      </span>
      <span className="uptime-captions__rule" />
      <span className="uptime-captions__uptime" data-testid="uptime-caption">
        {uptime === null ? (
          "No data yet"
        ) : (
          <>
            <span className="uptime-captions__long">{uptimeLabel(uptime)}</span>
            <span className="uptime-captions__short">{uptimeLabel(uptime, "short")}</span>
          </>
        )}
      </span>
      <span className="uptime-captions__rule" />
      <span>Today</span>
    </div>
  );
}

function ComponentItem({ component, context }: { component: StatusComponent; context: Context }) {
  const { snapshot, now } = context;
  return (
    <li
      className="status-component"
      data-testid={`component-${component.key}`}
      data-status={component.status}
    >
      <div className="status-component__head">
        <div className="status-component__title">
          <h3 className="status-component__name">{component.name}</h3>
          {component.description ? (
            <p className="status-component__description">{component.description}</p>
          ) : null}
        </div>
        <ComponentStatusText status={component.status} />
      </div>
      {component.showcase && component.days.length ? (
        <>
          <UptimeBar
            bars={dayBars(component, snapshot.incidents, snapshot.page.timeZone, now)}
            label={`${component.name}: uptime day by day over the last ${component.days.length} days`}
          />
          <UptimeCaptions uptime={component.uptime90d} />
          <p className="visually-hidden">
            {component.uptime90d === null
              ? "No uptime data yet."
              : `${uptimeLabel(component.uptime90d)}.`}
          </p>
        </>
      ) : null}
    </li>
  );
}

export function ComponentList({ snapshot, now }: Context) {
  const rows = arrangeComponents(snapshot.components);
  const context = { snapshot, now };
  if (rows.length === 0) {
    return (
      <section className="status-section" aria-labelledby="components-title">
        <h2 className="status-section__title" id="components-title">
          Components
        </h2>
        <p className="status-empty">No components are listed yet.</p>
      </section>
    );
  }
  return (
    <section className="status-section" aria-labelledby="components-title">
      <h2 className="status-section__title" id="components-title">
        Components
      </h2>
      <ul className="status-components" data-testid="status-components">
        {rows.map((row) =>
          row.kind === "component" ? (
            <ComponentItem key={row.component.id} component={row.component} context={context} />
          ) : (
            <li
              key={row.group.id}
              className="status-group"
              data-testid={`group-${row.group.key}`}
              data-status={row.status}
            >
              <details open>
                <summary className="status-group__summary">
                  <span className="status-group__name">
                    <svg className="status-group__chevron" viewBox="0 0 24 24" aria-hidden="true">
                      <path d="M9 6l6 6-6 6" />
                    </svg>
                    <h3>{row.group.name}</h3>
                    <span className="status-group__count">
                      {row.children.length} {row.children.length === 1 ? "component" : "components"}
                    </span>
                  </span>
                  <ComponentStatusText status={row.status} />
                </summary>
                <ul className="status-group__children">
                  {row.children.map((child) => (
                    <ComponentItem key={child.id} component={child} context={context} />
                  ))}
                </ul>
              </details>
            </li>
          ),
        )}
      </ul>
    </section>
  );
}
