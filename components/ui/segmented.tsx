// A row of buttons of which one is pressed: ranges, themes. Each button says whether it is
// pressed (aria-pressed), so a screen reader and a test read the choice the same way.
export type SegmentedOption<T extends string> = { value: T; label: string; title?: string };

export type SegmentedProps<T extends string> = {
  /** Names the group for assistive technology ("Range", "Colour theme"). */
  label: string;
  options: readonly SegmentedOption<T>[];
  isPressed: (value: T) => boolean;
  onChoose: (value: T) => void;
  className?: string;
  optionClassName?: string;
};

export function Segmented<T extends string>({
  label,
  options,
  isPressed,
  onChoose,
  className = "segmented",
  optionClassName = "segmented__option",
}: SegmentedProps<T>) {
  return (
    <div className={className} role="group" aria-label={label}>
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          className={optionClassName}
          aria-pressed={isPressed(option.value)}
          title={option.title}
          onClick={() => onChoose(option.value)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
