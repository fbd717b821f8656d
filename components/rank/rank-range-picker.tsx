"use client";
// The range of the climb chart: 7 d, 30 d, 90 d or everything stored.
import { Segmented } from "@/components/ui/segmented";
import { rankRangeOptions } from "@/lib/api-client/rank";
import type { RankRange } from "@/lib/rank/rank-page-types";

export type RankRangePickerProps = {
  range: RankRange;
  onChange: (range: RankRange) => void;
};

export function RankRangePicker({ range, onChange }: RankRangePickerProps) {
  return (
    <Segmented
      label="Range"
      className="segmented rank-range"
      options={rankRangeOptions}
      isPressed={(value) => value === range}
      onChoose={onChange}
    />
  );
}
