"use client";
// The range of the climb chart: 7 d, 30 d, 90 d or everything stored.
import { rankRangeOptions } from "@/lib/api-client/rank";
import type { RankRange } from "@/lib/rank/rank-page-types";

export type RankRangePickerProps = {
  range: RankRange;
  onChange: (range: RankRange) => void;
};

export function RankRangePicker({ range, onChange }: RankRangePickerProps) {
  return (
    <div className="segmented rank-range" role="group" aria-label="Range">
      {rankRangeOptions.map((option) => (
        <button
          key={option.value}
          type="button"
          className="segmented__option"
          aria-pressed={range === option.value}
          onClick={() => onChange(option.value)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
