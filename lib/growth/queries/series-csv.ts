import type { SeriesResponse } from "@/lib/growth/growth-types";

/** A series as CSV: start (ISO 8601, UTC), increase, last value. */
export function seriesToCsv(points: SeriesResponse["points"]): string {
  const lines = points.map((p) => `${p.start},${p.increase},${p.last ?? ""}`);
  return `start,increase,last\n${lines.join("\n")}\n`;
}
