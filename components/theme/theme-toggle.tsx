"use client";
// Light / dark / system, as a small segmented control.
import { Segmented } from "@/components/ui/segmented";
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
    <Segmented
      label="Colour theme"
      className="theme-toggle"
      optionClassName="theme-toggle__option"
      options={choices.map((choice) => ({ ...choice, title: `${choice.label} theme` }))}
      isPressed={(value) => value === preference}
      onChoose={setThemePreference}
    />
  );
}
