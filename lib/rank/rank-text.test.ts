import { describe, expect, it } from "vitest";
import { cruxBucket, parseRankText, radarBucket } from "./rank-text";

describe("parseRankText", () => {
  it.each([
    ["141", 141],
    ["#1,234", 1234],
    ["  1,234\n ", 1234],
    ["12K", 12_000],
    ["1.234", 1234],
    ["1 234 567", 1_234_567],
  ])("reads %j as the exact rank %d", (text, rank) => {
    expect(parseRankText(text)).toEqual({ kind: "exact", rank });
  });

  it.each(["-", "\u2014", "\u2013", "", "   ", "unranked", "Unranked"])(
    "reads %j as unranked",
    (text) => {
      expect(parseRankText(text)).toEqual({ kind: "unranked" });
    },
  );

  it.each(["top 5,000", "Top 5000", "<=5000", "<= 5,000", "\u22645000", "\u2264 5K"])(
    "reads %j as the bucket 1 to 5,000",
    (text) => {
      expect(parseRankText(text)).toEqual({ kind: "bucket", min: 1, max: 5000 });
    },
  );

  it.each([">200000", ">200,000", "> 200,000"])("reads %j as the open bucket", (text) => {
    expect(parseRankText(text)).toEqual({ kind: "bucket", min: 200_001, max: null });
  });

  it.each(["0", "-3", "1.5", "1.2345K", "abc", "top", ">", "top 0", "#1 of 2", "n/a", "ca. 2-3k"])(
    "refuses %j",
    (text) => {
      expect(parseRankText(text)).toBeNull();
    },
  );
});

describe("radarBucket", () => {
  it.each([
    ["100", 1, 100],
    ["200", 101, 200],
    ["500", 201, 500],
    ["5000", 2001, 5000],
    ["200000", 100_001, 200_000],
  ])("reads %j as %d to %d", (text, min, max) => {
    expect(radarBucket(text)).toEqual({ kind: "bucket", min, max });
  });

  it("reads the open bucket past 200,000", () => {
    expect(radarBucket(">200000")).toEqual({ kind: "bucket", min: 200_001, max: null });
  });

  it.each(["300", "5,000", "0", "", ">100000", "top", "1e3"])("refuses %j", (text) => {
    expect(radarBucket(text)).toBeNull();
  });
});

describe("cruxBucket", () => {
  it.each([
    [1000, 1, 1000],
    [5000, 1001, 5000],
    [10_000, 5001, 10_000],
    [1_000_000, 500_001, 1_000_000],
  ])("reads %d as %d to %d", (upper, min, max) => {
    expect(cruxBucket(upper)).toEqual({ kind: "bucket", min, max });
  });

  it.each([0, 2000, 5_000_000, 1000.5])("refuses %d", (upper) => {
    expect(cruxBucket(upper)).toBeNull();
  });
});
