"use client";
// Recent and open incidents, each with a form to post an update (a status and a text).
import { useState, type FormEvent } from "react";
import { LocalDateTime } from "@/components/ui/relative-time";
import { impactLabel, incidentStatusLabel, isResolved } from "@/lib/status/status-labels";
import type { ControlIncident } from "@/lib/status/manage/status-control-types";
import type { IncidentStatus } from "@/lib/status/status-types";
import { useStatusWrite } from "./use-status-write";
import { WriteFeedback } from "./write-feedback";

const statuses = Object.keys(incidentStatusLabel) as IncidentStatus[];

function UpdateForm({ incident }: { incident: ControlIncident }) {
  const write = useStatusWrite();
  const [status, setStatus] = useState<IncidentStatus>(
    isResolved(incident.status) ? incident.status : "identified",
  );
  const [body, setBody] = useState("");

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    write.send(
      {
        method: "POST",
        path: `/api/status-admin/incidents/${incident.id}/updates`,
        body: { status, body },
      },
      `Update posted: ${incidentStatusLabel[status]}.`,
      () => setBody(""),
    );
  }

  return (
    <form
      className="control-form control-form--inline"
      onSubmit={submit}
      aria-label={`Post an update to ${incident.name}`}
    >
      <label className="control-field">
        <span>New status</span>
        <select value={status} onChange={(e) => setStatus(e.target.value as IncidentStatus)}>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {incidentStatusLabel[s]}
            </option>
          ))}
        </select>
      </label>
      <label className="control-field control-field--grow">
        <span>Update text</span>
        <textarea
          value={body}
          onChange={(e) => setBody(e.target.value)}
          rows={2}
          maxLength={5000}
        />
      </label>
      <div className="control-form__actions">
        <button type="submit" className="button button--small" disabled={write.pending}>
          {write.pending ? "Posting…" : "Post update"}
        </button>
        <WriteFeedback error={write.error} success={write.success} />
      </div>
    </form>
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
