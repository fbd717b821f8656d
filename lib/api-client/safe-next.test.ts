import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-next";

describe("safeNextPath", () => {
  it("keeps a path on this site", () => {
    expect(safeNextPath("/jobs")).toBe("/jobs");
    expect(safeNextPath("/growth?range=7d#top")).toBe("/growth?range=7d#top");
    expect(safeNextPath(["/rank", "/jobs"])).toBe("/rank");
  });

  it("falls back to the overview for anything else", () => {
    expect(safeNextPath(undefined)).toBe("/");
    expect(safeNextPath(null)).toBe("/");
    expect(safeNextPath("")).toBe("/");
    expect(safeNextPath("https://evil.example/")).toBe("/");
    expect(safeNextPath("//evil.example/")).toBe("/");
    expect(safeNextPath("/\\evil.example/")).toBe("/");
    expect(safeNextPath("/\t/evil.example/")).toBe("/");
    expect(safeNextPath("javascript:alert(1)")).toBe("/");
    expect(safeNextPath("jobs")).toBe("/");
  });
});
