"use client";
// The range: five presets and a custom span read as wall-clock times in the page's time zone.
import { Segmented } from "@/components/ui/segmented";
import { useState, type FormEvent } from "react";
import { rangeOptions, tooManyBuckets, type GrowthState } from "@/lib/api-client/growth";
import { isoToZonedInput, zonedInputToIso } from "@/lib/api-client/growth-format";
import type { RangePreset } from "@/lib/growth/growth-types";

export type RangePickerProps = {
  state: GrowthState;
  timeZone: string;
  /** The span on screen, to start a custom range from. */
  current: { from: string; to: string } | null;
  onChange: (next: GrowthState) => void;
};

export function RangePicker({ state, timeZone, current, onChange }: RangePickerProps) {
  const [customOpen, setCustomOpen] = useState(false);
  const editing = customOpen || state.range === "custom";

  const choose = (range: RangePreset) => {
    if (range === "custom") {
      setCustomOpen(true);
      return;
    }
    setCustomOpen(false);
    const next = { ...state, range, from: null, to: null };
    onChange({ ...next, unit: tooManyBuckets(next, state.unit) ? "auto" : state.unit });
  };

  return (
    <div className="range-picker">
      <Segmented
        label="Range"
        options={rangeOptions}
        isPressed={(value) => (value === "custom" ? editing : !editing && state.range === value)}
        onChoose={choose}
      />
      {editing ? (
        <CustomRangeForm
          // A new range or zone starts the inputs afresh.
          key={`${state.from}-${state.to}-${timeZone}`}
          state={state}
          timeZone={timeZone}
          current={current}
          onChange={onChange}
          onCancel={state.range === "custom" ? undefined : () => setCustomOpen(false)}
        />
      ) : null}
    </div>
  );
}

function CustomRangeForm({
  state,
  timeZone,
  current,
  onChange,
  onCancel,
}: RangePickerProps & { onCancel?: () => void }) {
  const initial = state.range === "custom" && state.from && state.to ? state : current;
  const [from, setFrom] = useState(initial?.from ? isoToZonedInput(initial.from, timeZone) : "");
  const [to, setTo] = useState(initial?.to ? isoToZonedInput(initial.to, timeZone) : "");
  const [problem, setProblem] = useState<string | null>(null);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const start = zonedInputToIso(from, timeZone);
    const end = zonedInputToIso(to, timeZone);
    if (!start || !end) return setProblem("Give both a start and an end.");
    if (start >= end) return setProblem("The start must come before the end.");
    setProblem(null);
    const next = { ...state, range: "custom" as const, from: start, to: end };
    onChange({ ...next, unit: tooManyBuckets(next, state.unit) ? "auto" : state.unit });
  };

  return (
    <form className="custom-range" onSubmit={apply} aria-label="Custom range">
      <label className="custom-range__field">
        <span>From</span>
        <input
          type="datetime-local"
          value={from}
          onChange={(event) => setFrom(event.target.value)}
          required
        />
      </label>
      <label className="custom-range__field">
        <span>To</span>
        <input
          type="datetime-local"
          value={to}
          onChange={(event) => setTo(event.target.value)}
          required
        />
      </label>
      <span className="custom-range__zone">{timeZone}</span>
      <button type="submit" className="button button--small">
        Apply
      </button>
      {onCancel ? (
        <button type="button" className="button button--ghost button--small" onClick={onCancel}>
          Cancel
        </button>
      ) : null}
      {problem ? (
        <p className="custom-range__problem" role="alert">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
