import { describe, expect, it } from "vitest";
import { layoutMarkerLabels } from "./marker-labels";

const DAY = 86_400_000;
const box = (options: { first: number; last: number; width: number }) => options;
const overlaps = (a: { left: number; width: number }, b: { left: number; width: number }) =>
  a.left < b.left + b.width && b.left < a.left + a.width;

describe("layoutMarkerLabels", () => {
  const area = box({ first: 0, last: 30 * DAY, width: 600 });

  it("prints a lone label on the right of its marker, on the left near the right edge", () => {
    const [early] = layoutMarkerLabels([{ t: 2 * DAY, label: "Entered the top 1,000" }], area);
    expect(early).toMatchObject({ row: 0, anchor: "start" });
    expect(early!.left).toBeGreaterThan(40);
    const [late] = layoutMarkerLabels([{ t: 29 * DAY, label: "Entered the top 150" }], area);
    expect(late).toMatchObject({ row: 0, anchor: "end" });
    expect(late!.left + late!.width).toBeLessThan(580);
  });

  it("steps labels close together into rows, so that none in a row overlaps another", () => {
    const markers = [1, 1.2, 1.4].map((d, i) => ({ t: d * DAY, label: `Milestone number ${i}` }));
    const placed = layoutMarkerLabels(markers, area);
    expect(placed.map((p) => p.row)).toEqual([0, 1, 2]);
    const apart = layoutMarkerLabels(
      [
        { t: 1 * DAY, label: "One" },
        { t: 20 * DAY, label: "Two" },
      ],
      area,
    );
    expect(apart.map((p) => p.row)).toEqual([0, 0]);
  });

  it("leaves out labels for which no row has room, whatever order they come in", () => {
    const markers = [5, 1, 4, 2, 3].map((d) => ({
      t: d * 3_600_000,
      label: "Entered the top 150",
    }));
    const placed = layoutMarkerLabels(markers, area);
    expect(placed.filter((p) => p.row !== null)).toHaveLength(3);
    expect(placed.filter((p) => p.row === null)).toHaveLength(2);
    for (const [i, a] of placed.entries()) {
      for (const b of placed.slice(i + 1)) {
        if (a.row !== null && a.row === b.row) expect(overlaps(a, b)).toBe(false);
      }
    }
  });

  it("prints nothing that would not fit the plot at all", () => {
    const [wide] = layoutMarkerLabels([{ t: 15 * DAY, label: "x".repeat(200) }], area);
    expect(wide!.row).toBeNull();
  });

  it("keeps a launch week of milestones apart: printed labels never overlap, the rest left out", () => {
    const week = box({ first: 0, last: 150 * 3_600_000, width: 720 });
    const hours = [
      3.7, 4, 20.8, 22.6, 24, 45, 62, 63, 63.5, 77, 78, 96, 110, 120, 126, 132, 134, 144,
    ];
    const markers = hours.map((h, i) => ({
      t: h * 3_600_000,
      label: i % 2 ? `${(i + 1) * 50},000 users` : `Record hour: ${i * 1000 + 4000} users`,
    }));
    const placed = layoutMarkerLabels(markers, week);
    const printed = placed.filter((p) => p.row !== null);
    expect(printed.length).toBeGreaterThan(6);
    expect(printed.length).toBeLessThan(markers.length);
    for (const p of printed) {
      expect(p.left).toBeGreaterThanOrEqual(0);
      expect(p.left + p.width).toBeLessThanOrEqual(720);
    }
    for (const [i, a] of printed.entries()) {
      for (const b of printed.slice(i + 1)) {
        if (a.row === b.row) expect(overlaps(a, b)).toBe(false);
      }
    }
  });
});
