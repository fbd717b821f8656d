"use client";
// Each component's status as the public sees it: decided by its monitors, or set by hand.
import { useState } from "react";
import { componentStatusLabel } from "@/lib/status/status-labels";
import type { ControlComponent } from "@/lib/status/manage/status-control-types";
import type { ComponentStatus } from "@/lib/status/status-types";
import { useStatusWrite } from "./use-status-write";
import { WriteFeedback } from "./write-feedback";

const statuses = Object.keys(componentStatusLabel) as ComponentStatus[];
const AUTOMATIC = "automatic";

function OverrideRow({ component }: { component: ControlComponent }) {
  const write = useStatusWrite();
  const [choice, setChoice] = useState<string>(component.statusOverride ?? AUTOMATIC);

  function save() {
    const statusOverride = choice === AUTOMATIC ? null : (choice as ComponentStatus);
    write.send(
      {
        method: "PATCH",
        path: `/api/status-admin/components/${encodeURIComponent(component.key)}`,
        body: { statusOverride },
      },
      statusOverride
        ? `${component.name} shows “${componentStatusLabel[statusOverride]}”.`
        : `${component.name} follows its monitors again.`,
    );
  }

  return (
    <li className="control-list__item control-override" data-testid={`override-${component.key}`}>
      <label className="control-field control-field--grow">
        <span>
          {component.group ? `${component.group} › ` : ""}
          {component.name}
        </span>
        <select value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value={AUTOMATIC}>Automatic (from its monitors)</option>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {componentStatusLabel[s]}
            </option>
          ))}
        </select>
      </label>
      <div className="control-form__actions">
        <button
          type="button"
          className="button button--small button--ghost"
          onClick={save}
          disabled={write.pending || choice === (component.statusOverride ?? AUTOMATIC)}
        >
          {write.pending ? "Saving…" : "Save"}
        </button>
        <WriteFeedback error={write.error} success={write.success} />
      </div>
    </li>
  );
}

export function ComponentOverrides({ components }: { components: ControlComponent[] }) {
  if (!components.length) {
    return (
      <p className="muted">
        No status-page components: declare them under <code>components</code> in
        liftoff.config.yaml.
      </p>
    );
  }
  return (
    <ul className="control-list">
      {components.map((component) => (
        <OverrideRow key={component.key} component={component} />
      ))}
    </ul>
  );
}
