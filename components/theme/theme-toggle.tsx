"use client";
// Light / dark / system, as a small segmented control.
import { useSyncExternalStore } from "react";
import {
  readThemePreference,
  setThemePreference,
  subscribeToTheme,
  type ThemePreference,
} from "./theme-store";

const choices: { value: ThemePreference; label: string }[] = [
  { value: "light", label: "Light" },
  { value: "dark", label: "Dark" },
  { value: "system", label: "System" },
];

export function ThemeToggle() {
  const preference = useSyncExternalStore(
    subscribeToTheme,
    readThemePreference,
    (): ThemePreference => "system",
  );
  return (
    <div className="theme-toggle" role="group" aria-label="Colour theme">
      {choices.map((choice) => (
        <button
          key={choice.value}
          type="button"
          className="theme-toggle__option"
          aria-pressed={preference === choice.value}
          title={`${choice.label} theme`}
          onClick={() => setThemePreference(choice.value)}
        >
          {choice.label}
        </button>
      ))}
    </div>
  );
}
