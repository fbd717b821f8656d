"use client";
// Which components a write concerns: a checkbox per status-page component, grouped ones labelled
// with their group.
import type { ControlComponent } from "@/lib/status/manage/status-control-types";

/** "Group › Name", or the name of a component in no group. */
export const componentLabel = (component: ControlComponent) =>
  `${component.group ? `${component.group} › ` : ""}${component.name}`;

export type ComponentChoiceProps = {
  components: ControlComponent[];
  chosen: string[];
  onChange: (keys: string[]) => void;
  legend: string;
};

export function ComponentChoice({ components, chosen, onChange, legend }: ComponentChoiceProps) {
  if (!components.length) return null;
  return (
    <fieldset className="control-choices">
      <legend>{legend}</legend>
      {components.map((component) => (
        <label key={component.key} className="control-choices__option">
          <input
            type="checkbox"
            checked={chosen.includes(component.key)}
            onChange={(event) =>
              onChange(
                event.target.checked
                  ? [...chosen, component.key]
                  : chosen.filter((key) => key !== component.key),
              )
            }
          />
          {componentLabel(component)}
        </label>
      ))}
    </fieldset>
  );
}
