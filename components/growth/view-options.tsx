"use client";
// The bucket unit and the time zone the page reads in.
import { useIsClient } from "@/components/hooks/use-now";
import { tooManyBuckets, type GrowthState, type UnitChoice } from "@/lib/api-client/growth";
import type { SeriesUnit } from "@/lib/growth/growth-types";
import { viewerTimeZone } from "./use-growth-state";

export type ViewOptionsProps = {
  state: GrowthState;
  /** The zone in use (the URL's, else the configured one). */
  timeZone: string;
  configuredTimeZone: string;
  /** The unit the API chose for "auto". */
  autoUnit: SeriesUnit | null;
  onChange: (next: GrowthState) => void;
};

const unitChoices: UnitChoice[] = ["auto", "minute", "hour", "day"];

/** One option per distinct zone: the viewer's (once known), the configured one, UTC, the URL's. */
function zoneOptions(viewer: string | null, configured: string, current: string) {
  const options = new Map<string, string[]>();
  const add = (zone: string, label: string) =>
    options.set(zone, [...(options.get(zone) ?? []), label]);
  if (viewer) add(viewer, "yours");
  add(configured, "configured");
  add("UTC", "UTC");
  if (!options.has(current)) add(current, "from the link");
  return [...options].map(([zone, labels]) => ({
    zone,
    label: zone === "UTC" && labels.length === 1 ? "UTC" : `${zone} (${labels.join(", ")})`,
  }));
}

export function ViewOptions({
  state,
  timeZone,
  configuredTimeZone,
  autoUnit,
  onChange,
}: ViewOptionsProps) {
  const isClient = useIsClient();
  const zones = zoneOptions(isClient ? viewerTimeZone() : null, configuredTimeZone, timeZone);

  return (
    <div className="view-options">
      <label className="select-field">
        <span>Buckets</span>
        <select
          value={state.unit}
          onChange={(event) => onChange({ ...state, unit: event.target.value as UnitChoice })}
        >
          {unitChoices.map((unit) => (
            <option key={unit} value={unit} disabled={tooManyBuckets(state, unit)}>
              {unit === "auto" ? `Auto${autoUnit ? ` (${autoUnit})` : ""}` : `Per ${unit}`}
            </option>
          ))}
        </select>
      </label>
      <label className="select-field">
        <span>Time zone</span>
        <select
          value={timeZone}
          onChange={(event) => onChange({ ...state, tz: event.target.value })}
        >
          {zones.map((option) => (
            <option key={option.zone} value={option.zone}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
