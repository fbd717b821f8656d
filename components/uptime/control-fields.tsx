"use client";
// The labelled fields of the founders' forms: a choice from a list of labelled values, and text on
// one line or several.
import type { ReactNode } from "react";

type FieldProps = { label: ReactNode; grow?: boolean };

const fieldClass = (grow?: boolean) => `control-field${grow ? " control-field--grow" : ""}`;

export function ChoiceField<Value extends string>({
  label,
  grow,
  value,
  onChange,
  choices,
}: FieldProps & {
  value: Value;
  onChange: (value: Value) => void;
  /** Each value with the words that show for it, in order. */
  choices: Record<Value, string>;
}) {
  return (
    <label className={fieldClass(grow)}>
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value as Value)}>
        {(Object.entries(choices) as [Value, string][]).map(([choice, words]) => (
          <option key={choice} value={choice}>
            {words}
          </option>
        ))}
      </select>
    </label>
  );
}

export function TextField({
  label,
  grow,
  value,
  onChange,
  rows,
  maxLength = rows ? 5000 : 300,
  placeholder,
}: FieldProps & {
  value: string;
  onChange: (value: string) => void;
  /** Lines shown: a text area; without it a one-line input. */
  rows?: number;
  /** The API's limits by default: a name of 300 characters, a text of 5,000. */
  maxLength?: number;
  placeholder?: string;
}) {
  const props = {
    value,
    maxLength,
    placeholder,
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
  };
  return (
    <label className={fieldClass(grow)}>
      <span>{label}</span>
      {rows ? <textarea rows={rows} {...props} /> : <input {...props} />}
    </label>
  );
}
