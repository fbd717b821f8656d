"use client";
// Open an incident by hand: its name, status, impact, the components it touches and the first
// update the public reads.
import { useState, type FormEvent } from "react";
import { impactLabel, incidentStatusLabel } from "@/lib/status/status-labels";
import type { ControlComponent } from "@/lib/status/manage/status-control-types";
import type { IncidentImpact, IncidentStatus } from "@/lib/status/status-types";
import { ComponentCheckboxes } from "./component-checkboxes";
import { useStatusWrite } from "./use-status-write";
import { WriteFeedback } from "./write-feedback";

const statuses = Object.keys(incidentStatusLabel) as IncidentStatus[];
const impacts = Object.keys(impactLabel) as IncidentImpact[];

export function IncidentCreateForm({ components }: { components: ControlComponent[] }) {
  const write = useStatusWrite();
  const [name, setName] = useState("");
  const [status, setStatus] = useState<IncidentStatus>("investigating");
  const [impact, setImpact] = useState<IncidentImpact>("minor");
  const [chosen, setChosen] = useState<string[]>([]);
  const [body, setBody] = useState("");

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    write.send(
      {
        method: "POST",
        path: "/api/status-admin/incidents",
        body: { name, status, impact, components: chosen, body },
      },
      `Incident “${name.trim()}” is on the status page.`,
      () => {
        setName("");
        setBody("");
        setChosen([]);
      },
    );
  }

  return (
    <form
      className="control-form"
      onSubmit={submit}
      aria-label="Open an incident"
      data-testid="incident-form"
    >
      <h3 className="control-form__title">Open an incident</h3>
      <label className="control-field">
        <span>Name</span>
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={300}
          placeholder="Uploads failing for some users"
        />
      </label>
      <div className="control-row">
        <label className="control-field">
          <span>Status</span>
          <select value={status} onChange={(e) => setStatus(e.target.value as IncidentStatus)}>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {incidentStatusLabel[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="control-field">
          <span>Impact</span>
          <select value={impact} onChange={(e) => setImpact(e.target.value as IncidentImpact)}>
            {impacts.map((i) => (
              <option key={i} value={i}>
                {impactLabel[i]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ComponentCheckboxes
        components={components}
        chosen={chosen}
        onChange={setChosen}
        legend="Affected components"
      />
      <label className="control-field">
        <span>First update</span>
        <textarea
          value={body}
          onChange={(e) => setBody(e.target.value)}
          rows={3}
          maxLength={5000}
          placeholder="What is happening, and what we are doing about it."
        />
      </label>
      <div className="control-form__actions">
        <button type="submit" className="button" disabled={write.pending}>
          {write.pending ? "Opening…" : "Open incident"}
        </button>
        <WriteFeedback error={write.error} success={write.success} />
      </div>
    </form>
  );
}
