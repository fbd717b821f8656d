"use client";
// Which source the climb chart draws, one at a time: each named with what it gives for the
// service (exact places, buckets, or nothing in the range), so the precise ones stand out.
import type { ClimbSource } from "./climb-source";

export type RankSourcePickerProps = {
  sources: ClimbSource[];
  source: string | null;
  onChange: (source: string) => void;
};

/** "exact", "buckets", "exact and buckets", "not ranked". */
export function sourceYield(source: ClimbSource): string {
  if (source.exact && source.buckets) return "exact and buckets";
  if (source.exact) return "exact";
  if (source.buckets) return "buckets";
  return "not ranked";
}

export function RankSourcePicker({ sources, source, onChange }: RankSourcePickerProps) {
  if (!sources.length) return null;
  return (
    <label className="select-field rank-source-picker">
      <span>Source</span>
      <select
        value={source ?? ""}
        onChange={(event) => onChange(event.target.value)}
        data-testid="rank-source"
      >
        {sources.map((option) => (
          <option key={option.key} value={option.key}>
            {option.name} ({sourceYield(option)})
          </option>
        ))}
      </select>
    </label>
  );
}
