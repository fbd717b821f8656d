import { describe, expect, it } from "vitest";
import { findCounterResets, type StoredSample, type TimelineSample } from "./counter-resets";
import type { SampleInput } from "./sample-types";

const t0 = Date.parse("2026-01-20T00:00:00Z");
const at = (minutes: number) => new Date(t0 + minutes * 60_000);
const yearMs = 365 * 24 * 3_600_000;

const batch = (...inputs: SampleInput[]): TimelineSample[] =>
  inputs.map((input, index) => ({ index, input, reason: null }));
const stored = (...rows: [number, number, boolean?][]): StoredSample[] =>
  rows.map(([minutes, value, reset]) => ({ at: at(minutes), value, reset: reset ?? false }));

describe("findCounterResets", () => {
  it("infers a reset from a drop with no flag and no start time, and says so", () => {
    const samples = batch({ at: at(2), value: 62_114 }, { at: at(3), value: 62_200 });
    const found = findCounterResets("users_total", samples, stored([1, 227_865]), null);
    expect(samples.map((s) => s.reason)).toEqual(["inferred", null]);
    expect(found.warnings).toEqual([
      "users_total: counter went down from 227865 to 62114; counted as a reset (inferred)",
    ]);
  });

  it("keeps a flagged reset as flagged, without a warning", () => {
    const samples = batch({ at: at(2), value: 5, reset: true });
    const found = findCounterResets("m", samples, stored([1, 50]), null);
    expect(samples[0]!.reason).toBe("flagged");
    expect(found.warnings).toEqual([]);
  });

  it("compares a start time with the source's own earlier one, however far off its clock is", () => {
    // The source's clock runs a year ahead of ours: its start time is "in the future".
    const first = new Date(t0 + yearMs);
    const same = batch({ at: at(2), value: 40, startedAt: first });
    const found = findCounterResets("m", same, stored([1, 50]), first);
    // Same process: the drop is not explained by a restart, so it is inferred.
    expect(same[0]!.reason).toBe("inferred");
    expect(found.processStartedAt).toEqual(first);

    const restarted = batch({ at: at(3), value: 3, startedAt: new Date(first.getTime() + 60_000) });
    const after = findCounterResets("m", restarted, stored([2, 40]), first);
    expect(restarted[0]!.reason).toBe("restart");
    expect(after.warnings).toEqual([]);
    expect(after.processStartedAt).toEqual(new Date(first.getTime() + 60_000));
  });

  it("sees a restart a year in the past, and one whose counter already climbed past the last value", () => {
    const old = new Date(t0 - yearMs);
    const samples = batch({ at: at(2), value: 80, startedAt: new Date(old.getTime() + 5_000) });
    findCounterResets("m", samples, stored([1, 50]), old);
    // Counted from zero: the 80 are all new, not 30.
    expect(samples[0]!.reason).toBe("restart");
  });

  it("takes the first start time it hears as the baseline, and ignores sub-second jitter", () => {
    const start = new Date(t0 - yearMs);
    const first = batch({ at: at(2), value: 60, startedAt: start });
    expect(findCounterResets("m", first, stored([1, 50]), null).processStartedAt).toEqual(start);
    expect(first[0]!.reason).toBeNull();
    const jitter = batch({ at: at(3), value: 70, startedAt: new Date(start.getTime() + 400) });
    findCounterResets("m", jitter, stored([2, 60]), start);
    expect(jitter[0]!.reason).toBeNull();
  });

  it("lets only a sample newer than everything stored speak for the current process", () => {
    const start = new Date(t0);
    const late = batch({ at: at(5), value: 55, startedAt: new Date(t0 - 3_600_000) });
    const found = findCounterResets("m", late, stored([0, 50], [10, 60]), start);
    expect(late[0]!.reason).toBeNull();
    expect(found.processStartedAt).toEqual(start);
  });

  it("marks a stored sample that a late sample leaves lower than it as a reset", () => {
    const late = batch({ at: at(5), value: 300 });
    const found = findCounterResets("m", late, stored([0, 100], [10, 200]), null);
    expect(late[0]!.reason).toBeNull();
    expect(found.storedResets).toEqual([at(10)]);
    expect(found.warnings).toHaveLength(1);
    // A stored sample already marked as a reset is left alone.
    const again = findCounterResets("m", late, stored([0, 100], [10, 200, true]), null);
    expect(again.storedResets).toEqual([]);
  });

  it("leaves duplicates of stored samples out of the walk", () => {
    const samples = batch({ at: at(1), value: 10 }, { at: at(2), value: 60 });
    const found = findCounterResets("m", samples, stored([1, 50]), null);
    expect(samples.map((s) => s.reason)).toEqual([null, null]);
    expect(found.warnings).toEqual([]);
  });
});
