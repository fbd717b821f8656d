"use client";
// Keeps <html data-theme> right after the first paint: when the system theme flips, when another
// tab changes the choice, and after React's development remount clears the attribute.
import { useLayoutEffect } from "react";
import { applyTheme, readThemePreference, subscribeToTheme } from "./theme-store";

export function ThemeSync() {
  useLayoutEffect(() => {
    applyTheme(readThemePreference());
    return subscribeToTheme(() => applyTheme(readThemePreference()));
  }, []);
  return null;
}
