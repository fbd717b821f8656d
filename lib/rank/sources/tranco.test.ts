import { describe, expect, it } from "vitest";
import type { RankReading } from "@/lib/rank/rank-types";
import { datedByFetch, mergeReadings } from "./tranco";

const reading = (domain: string, at: string, rank: number): RankReading => ({
  domain,
  scope: "global",
  at: new Date(at.length === 10 ? `${at}T00:00:00Z` : at),
  value: { kind: "exact", rank },
});

describe("mergeReadings", () => {
  it("keeps the list's reading of a moment and adds the API's others", () => {
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

describe("datedByFetch", () => {
  const fetchedAt = new Date("2026-01-25T14:05:00.000Z");

  it("dates the list day still running at the fetch, so two fetches that day are two readings", () => {
    expect(datedByFetch(reading("a.test", "2026-01-25", 3), fetchedAt)).toEqual(
      reading("a.test", "2026-01-25T14:05:00.000Z", 3),
    );
    const morning = new Date("2026-01-25T09:00:00.000Z");
    expect(datedByFetch(reading("a.test", "2026-01-25", 4100), morning).at).toEqual(morning);
  });

  it("dates a day already over at its last moment, after any reading taken during it", () => {
    expect(datedByFetch(reading("a.test", "2026-01-24", 140), fetchedAt).at.toISOString()).toBe(
      "2026-01-24T23:59:59.999Z",
    );
  });
});
