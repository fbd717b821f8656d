"use client";
// Each component's status as the public sees it: decided by its monitors, or set by hand.
import { useState } from "react";
import { componentStatusLabel } from "@/lib/status/status-labels";
import type { ControlComponent } from "@/lib/status/manage/status-control-types";
import { componentLabel } from "./component-choice";
import { ChoiceField } from "./control-fields";
import { WriteActions } from "./founder-form";
import { useFounderWrite } from "./use-founder-write";

const AUTOMATIC = "automatic";
const choices = { [AUTOMATIC]: "Automatic (from its monitors)", ...componentStatusLabel };

function OverrideRow({ component }: { component: ControlComponent }) {
  const write = useFounderWrite();
  const current = component.statusOverride ?? AUTOMATIC;
  const [choice, setChoice] = useState<keyof typeof choices>(current);

  function save() {
    const statusOverride = choice === AUTOMATIC ? null : choice;
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
      <ChoiceField
        label={componentLabel(component)}
        grow
        value={choice}
        onChange={setChoice}
        choices={choices}
      />
      <WriteActions
        write={write}
        label="Save"
        pendingLabel="Saving…"
        small
        ghost
        onClick={save}
        disabled={choice === current}
      />
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
