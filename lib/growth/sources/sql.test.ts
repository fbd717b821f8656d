import { describe, expect, it } from "vitest";
import { SourceError } from "@/lib/errors";
import { parseSqlResult } from "./sql";

describe("parseSqlResult", () => {
  it.each([
    ["a number", 1234, 1234],
    ["a bigint as pg returns it (count(*))", "741233", 741_233],
    ["a numeric string", "1234.50", 1234.5],
    ["a negative numeric", "-12", -12],
    ["a float8 in exponent form", "1.5e+06", 1_500_000],
    ["a JavaScript bigint", 42n, 42],
  ])("reads %s", (_name, cell, expected) => {
    expect(parseSqlResult([[cell]], 1, "metric t")).toBe(expected);
  });

  it.each([
    ["no row", [], 1, "query returned 0 rows, not one"],
    ["two rows", [[1], [2]], 1, "query returned 2 rows, not one"],
    ["two columns", [[1, 2]], 2, "query returned 2 columns, not one"],
    ["NULL", [[null]], 1, "query returned NULL, not a number"],
    ["text", [["lots"]], 1, 'query returned "lots", not a finite number'],
    ["an empty string", [[""]], 1, 'query returned "", not a finite number'],
    ["numeric NaN", [["NaN"]], 1, 'query returned "NaN", not a finite number'],
    ["numeric Infinity", [["Infinity"]], 1, 'query returned "Infinity", not a finite number'],
    ["a boolean", [[true]], 1, "query returned true, not a finite number"],
    ["a date", [[new Date(0)]], 1, "not a finite number"],
    [
      "a bigint past 2^53",
      [["9007199254740993"]],
      1,
      "query returned 9007199254740993, too large to hold exactly",
    ],
  ])("refuses %s", (_name, rows, columns, message) => {
    let caught: unknown;
    try {
      parseSqlResult(rows as unknown[][], columns, "metric t");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SourceError);
    expect((caught as SourceError).kind).toBe("parse");
    expect((caught as SourceError).message).toContain(message);
  });
});
