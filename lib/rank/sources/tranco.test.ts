import { describe, expect, it } from "vitest";
import type { RankReading } from "@/lib/rank/rank-types";
import { mergeReadings } from "./tranco";

const reading = (domain: string, day: string, rank: number): RankReading => ({
  domain,
  scope: "global",
  at: new Date(`${day}T00:00:00Z`),
  value: { kind: "exact", rank },
});

describe("mergeReadings", () => {
  it("keeps the list's reading of a day and adds the API's other days", () => {
    const list = [reading("a.test", "2026-01-25", 100), reading("b.test", "2026-01-25", 7)];
    const api = [
      reading("a.test", "2026-01-24", 140),
      reading("a.test", "2026-01-25", 999),
      reading("b.test", "2026-01-23", 9),
    ];
    expect(mergeReadings(list, api)).toEqual([
      reading("a.test", "2026-01-25", 100),
      reading("b.test", "2026-01-25", 7),
      reading("a.test", "2026-01-24", 140),
      reading("b.test", "2026-01-23", 9),
    ]);
  });
});
