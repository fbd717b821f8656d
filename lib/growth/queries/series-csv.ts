import type { SeriesPoint } from "./fill-series";

/** A series as CSV: start (ISO 8601, UTC), increase, last value. */
export function seriesToCsv(points: SeriesPoint[]): string {
  const lines = points.map((p) => `${p.start.toISOString()},${p.increase},${p.last ?? ""}`);
  return `start,increase,last\n${lines.join("\n")}\n`;
}
