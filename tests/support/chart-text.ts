// What a chart prints, as the browser lays it out: the boxes of its text, to tell that no label
// is printed over another.
import type { Locator } from "playwright-core";

export type TextBox = { text: string; left: number; top: number; right: number; bottom: number };

/** Every non-empty `<text>` of the charts `chart` holds, with its getBoundingClientRect. */
export async function chartTextBoxes(chart: Locator): Promise<TextBox[]> {
  return chart.locator("svg.recharts-surface text").evaluateAll((elements) =>
    elements
      .map((element) => {
        const box = element.getBoundingClientRect();
        return {
          text: (element.textContent ?? "").trim(),
          left: box.left,
          top: box.top,
          right: box.right,
          bottom: box.bottom,
        };
      })
      .filter((box) => box.text !== "" && box.right > box.left && box.bottom > box.top),
  );
}

/** The pairs of boxes that intersect, as "a × b" for a readable failure. */
export function overlappingTexts(boxes: readonly TextBox[]): string[] {
  const pairs: string[] = [];
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      const apart =
        a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
      if (!apart) pairs.push(`${a.text} × ${b.text}`);
    }
  }
  return pairs;
}
