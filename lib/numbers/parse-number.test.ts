import { describe, expect, it } from "vitest";
import { parseNumber } from "./parse-number";

describe("parseNumber", () => {
  it.each([
    ["1234", 1234],
    ["0", 0],
    ["007", 7],
    ["#1,234", 1234],
    ["#1", 1],
    ["1,234,567 users", 1_234_567],
    ["Join 1,234,567 people already using Stashbox.", 1_234_567],
    ["  1,234\n", 1234],
    ["(1,234)", 1234],
    ["1,234.", 1234],
    ["$1,234.56", 1234.56],
    ["1.5", 1.5],
    ["0.123", 0.123],
    ["1.234", 1.234],
    ["1.234.567", 1_234_567],
    ["1.234.567 Nutzer", 1_234_567],
    ["1.234,56", 1234.56],
    ["1,234,567.89", 1_234_567.89],
    ["12,5", 12.5],
    ["0,5", 0.5],
    ["1 234", 1234],
    ["1 234 567", 1_234_567],
    ["1\u00A0234\u00A0567 utilisateurs", 1_234_567],
    ["1\u202F234\u202F567", 1_234_567],
    ["1\u2009234", 1234],
    ["1 234,5", 1234.5],
    ["Nous sommes 1 234.", 1234],
    ["12K", 12_000],
    ["12k users", 12_000],
    ["1.2M", 1_200_000],
    ["1.1M", 1_100_000],
    ["3B", 3_000_000_000],
    ["2.5bn", 2_500_000_000],
    ["1,5K", 1500],
    ["1,500K", 1_500_000],
    ["1.2 million users", 1_200_000],
    ["3 Billion", 3_000_000_000],
    ["12K+ signups", 12_000],
    ["-12", -12],
    ["\u221212", -12],
    ["+12", 12],
    ["change: -1.5", -1.5],
    ["-0", 0],
    ["- 12 users", 12], // a list dash, not a sign: a sign is glued to its digits
  ])("reads %j as %d", (text, expected) => {
    expect(parseNumber(text)).toBe(expected);
  });

  it.each([
    ["", "nothing"],
    ["   ", "blanks"],
    ["users", "no digits"],
    ["+5%", "a percent"],
    ["12 %", "a percent after a space"],
    ["-3.5% this week", "a negative percent"],
    ["1,234 of 5,000", "two numbers"],
    ["1,234 users as of 2026", "a year beside the count"],
    ["2026-01-20", "a date"],
    ["v2", "a version"],
    ["COVID-19", "a number inside a word"],
    ["12kg", "a unit glued to the number"],
    ["1,234users", "a word glued to the number"],
    ["1,23,4", "broken thousands groups"],
    ["1.2.3", "a version-like number"],
    ["1,2.5", "a bad group before a decimal point"],
    ["1,234.567,8", "a decimal comma twice"],
    ["1234.567,8", "a first group of four digits"],
    [".5", "a bare decimal point"],
    ["1e6", "scientific notation"],
    ["١٢٣", "digits of another script"],
  ])("refuses %j (%s)", (text) => {
    expect(parseNumber(text)).toBeNull();
  });

  describe("with integer: true", () => {
    it.each([
      ["1.234", 1234],
      ["1.234 users", 1234],
      ["#1.234", 1234],
      ["1,234", 1234],
      ["1.234.567", 1_234_567],
      ["1.234,00", 1234],
      ["1.5K", 1500],
      ["1.234K", 1234],
      ["1.2M", 1_200_000],
      ["-12", -12],
      ["1 234", 1234],
    ])("reads %j as %d", (text, expected) => {
      expect(parseNumber(text, { integer: true })).toBe(expected);
    });

    it.each([
      ["1.5", "a fraction"],
      ["0.123", "a leading zero is no thousands group"],
      ["1234.567", "four digits before the point"],
      ["12,5", "a decimal comma"],
      ["1.2345K", "a fractional count after the suffix"],
      ["1,234.5", "a fraction after grouping"],
      ["99999999999B", "a count beyond safe integers"],
    ])("refuses %j (%s)", (text) => {
      expect(parseNumber(text, { integer: true })).toBeNull();
    });
  });
});
