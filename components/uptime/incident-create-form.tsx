"use client";
// Open an incident by hand: its name, status, impact, the components it touches and the first
// update the public reads.
import { useState } from "react";
import { impactLabel, incidentStatusLabel } from "@/lib/status/status-labels";
import type { ControlComponent } from "@/lib/status/manage/status-control-types";
import type { IncidentImpact, IncidentStatus } from "@/lib/status/status-types";
import { ComponentChoice } from "./component-choice";
import { ChoiceField, TextField } from "./control-fields";
import { FounderForm } from "./founder-form";
import { useFounderWrite } from "./use-founder-write";

export function IncidentCreateForm({ components }: { components: ControlComponent[] }) {
  const write = useFounderWrite();
  const [name, setName] = useState("");
  const [status, setStatus] = useState<IncidentStatus>("investigating");
  const [impact, setImpact] = useState<IncidentImpact>("minor");
  const [chosen, setChosen] = useState<string[]>([]);
  const [body, setBody] = useState("");

  const submit = () =>
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

  return (
    <FounderForm
      name="Open an incident"
      testId="incident-form"
      onSubmit={submit}
      write={write}
      label="Open incident"
      pendingLabel="Opening…"
    >
      <TextField
        label="Name"
        value={name}
        onChange={setName}
        placeholder="Uploads failing for some users"
      />
      <div className="control-row">
        <ChoiceField
          label="Status"
          value={status}
          onChange={setStatus}
          choices={incidentStatusLabel}
        />
        <ChoiceField label="Impact" value={impact} onChange={setImpact} choices={impactLabel} />
      </div>
      <ComponentChoice
        components={components}
        chosen={chosen}
        onChange={setChosen}
        legend="Affected components"
      />
      <TextField
        label="First update"
        value={body}
        onChange={setBody}
        rows={3}
        placeholder="What is happening, and what we are doing about it."
      />
    </FounderForm>
  );
}
