"use client";
// Recent and open incidents, each with a form to post an update (a status and a text).
import { useState } from "react";
import { LocalDateTime } from "@/components/ui/relative-time";
import { impactLabel, incidentStatusLabel, isResolved } from "@/lib/status/status-labels";
import type { ControlIncident } from "@/lib/status/manage/status-control-types";
import type { IncidentStatus } from "@/lib/status/status-types";
import { ChoiceField, TextField } from "./control-fields";
import { FounderForm } from "./founder-form";
import { useFounderWrite } from "./use-founder-write";

function UpdateForm({ incident }: { incident: ControlIncident }) {
  const write = useFounderWrite();
  const [status, setStatus] = useState<IncidentStatus>(
    isResolved(incident.status) ? incident.status : "identified",
  );
  const [body, setBody] = useState("");

  const submit = () =>
    write.send(
      {
        method: "POST",
        path: `/api/status-admin/incidents/${incident.id}/updates`,
        body: { status, body },
      },
      `Update posted: ${incidentStatusLabel[status]}.`,
      () => setBody(""),
    );

  return (
    <FounderForm
      name={`Post an update to ${incident.name}`}
      inline
      onSubmit={submit}
      write={write}
      label="Post update"
      pendingLabel="Posting…"
      small
    >
      <ChoiceField
        label="New status"
        value={status}
        onChange={setStatus}
        choices={incidentStatusLabel}
      />
      <TextField label="Update text" grow value={body} onChange={setBody} rows={2} />
    </FounderForm>
  );
}

export function IncidentList({ incidents }: { incidents: ControlIncident[] }) {
  if (!incidents.length) {
    return <p className="muted">No incident is open and none started in the last 14 days.</p>;
  }
  return (
    <ul className="control-list">
      {incidents.map((incident) => (
        <li
          key={incident.id}
          className="control-list__item"
          data-testid="control-incident"
          data-status={incident.status}
        >
          <details open={!isResolved(incident.status)}>
            <summary>
              <strong>{incident.name}</strong>{" "}
              <span
                className={`badge${isResolved(incident.status) ? " badge--success" : " badge--timeout"}`}
              >
                {incidentStatusLabel[incident.status]}
              </span>{" "}
              <span className="muted">
                {impactLabel[incident.impact]} ·{" "}
                {incident.automatic ? "opened by Liftoff" : "opened by hand"} ·{" "}
                <LocalDateTime iso={incident.startedAt} />
                {incident.components.length ? ` · ${incident.components.join(", ")}` : ""}
              </span>
            </summary>
            {incident.latestUpdate ? (
              <p className="control-list__latest">
                <span className="muted">Latest: </span>
                {incident.latestUpdate.body}
              </p>
            ) : null}
            <UpdateForm incident={incident} />
          </details>
        </li>
      ))}
    </ul>
  );
}
