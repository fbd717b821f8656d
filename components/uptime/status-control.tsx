"use client";
// The founders' hand on the public status page: open incidents and post updates, set or clear a
// component's status, schedule maintenance. Every write shows at once on /status.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { ErrorNotice } from "@/components/ui/error-notice";
import { ListSkeleton } from "@/components/ui/skeleton";
import { statusControlQuery } from "@/lib/api-client/uptime";
import { ComponentOverrides } from "./component-overrides";
import { IncidentCreateForm } from "./incident-create-form";
import { IncidentList } from "./incident-list";
import { MaintenancePanel } from "./maintenance-panel";

export function StatusControl() {
  const { data, error, isPending } = useQuery(statusControlQuery());
  if (isPending) return <ListSkeleton />;
  if (!data) return <ErrorNotice what="the status controls" error={error} />;

  return (
    <section className="stack" aria-labelledby="status-control-title" data-testid="status-control">
      <header className="uptime-section">
        <h2 id="status-control-title" className="uptime-section__title">
          Status page
        </h2>
        <p className="muted">
          What the public reads on{" "}
          <Link href="/status" target="_blank">
            /status
          </Link>
          ; every change shows there at once.
        </p>
      </header>
      <div className="grid grid--halves">
        <Card title="Incidents">
          <div className="stack">
            <IncidentCreateForm components={data.components} />
            <IncidentList incidents={data.incidents} />
          </div>
        </Card>
        <div className="stack">
          <Card title="Component status" action="set by hand, it wins">
            <ComponentOverrides components={data.components} />
          </Card>
          <Card title="Maintenance">
            <MaintenancePanel components={data.components} maintenances={data.maintenances} />
          </Card>
        </div>
      </div>
    </section>
  );
}
