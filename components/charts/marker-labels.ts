// Where a time chart prints its milestone labels so that none overlaps another: each label goes in
// the lowest of a few rows where it clears its neighbours, on the right of its marker (on the left
// near the right edge); a label that fits no row is not printed, and its marker's tooltip and the
// list under the chart still name it. Pure, so tested.

export type MarkerLabelInput = { t: number; label: string };

export type PlacedMarkerLabel = {
  /** 0 is the row nearest the axis; null: not printed (no room). */
  row: number | null;
  /** The label's left edge, in pixels from the plot's left. */
  left: number;
  width: number;
  /** "start": the text runs right from `left`; "end": it ends at `left + width`. */
  anchor: "start" | "end";
};

export type MarkerLabelOptions = {
  first: number;
  last: number;
  /** The plot's width in pixels. */
  width: number;
  rows?: number;
  /** Pixels per character at the label's size: a generous estimate, so estimates never touch. */
  charWidth?: number;
  /** Room kept between two labels and between a label and its marker. */
  gap?: number;
};

export function layoutMarkerLabels(
  markers: readonly MarkerLabelInput[],
  { first, last, width, rows = 3, charWidth = 6.6, gap = 6 }: MarkerLabelOptions,
): PlacedMarkerLabel[] {
  const span = last - first || 1;
  const taken: [number, number][][] = Array.from({ length: rows }, () => []);
  const order = markers
    .map((marker, index) => ({ marker, index }))
    .sort((a, b) => a.marker.t - b.marker.t);
  const placed: PlacedMarkerLabel[] = new Array(markers.length);
  for (const { marker, index } of order) {
    const x = ((marker.t - first) / span) * width;
    const labelWidth = marker.label.length * charWidth;
    const anchor = x + gap + labelWidth > width ? "end" : "start";
    const left = anchor === "start" ? x + gap : x - gap - labelWidth;
    const right = left + labelWidth;
    const fits = left >= 0 && right <= width;
    const row = fits
      ? taken.findIndex((spans) => spans.every(([a, b]) => right + gap <= a || b + gap <= left))
      : -1;
    if (row >= 0) taken[row]!.push([left, right]);
    placed[index] = { row: row >= 0 ? row : null, left, width: labelWidth, anchor };
  }
  return placed;
}
