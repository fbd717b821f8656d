import { describe, expect, it } from "vitest";
import { maxAttempts, nextAttemptAt } from "./retry-schedule";

const now = new Date("2026-01-20T06:00:00Z");
const after = (attempts: number) => {
  const next = nextAttemptAt(attempts, now);
  return next === null ? null : (next.getTime() - now.getTime()) / 1000;
};

describe("retry schedule", () => {
  it("backs off 30 s, 2 min, 10 min, 30 min, then gives up", () => {
    expect([1, 2, 3, 4].map(after)).toEqual([30, 120, 600, 1800]);
    expect(after(maxAttempts)).toBeNull();
  });
});
