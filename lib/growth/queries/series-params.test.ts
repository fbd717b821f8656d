import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { autoUnit, parseSeriesParams, resolveRange } from "./series-params";

const parse = (query: string) => parseSeriesParams(new URLSearchParams(query));
const now = new Date("2026-01-27T12:00:00Z");

describe("series parameters", () => {
  it("defaults to the last 24 hours, bucketed automatically, as JSON", () => {
    expect(parse("metric=users_total")).toMatchObject({
      metric: "users_total",
      range: "24h",
      unit: "auto",
      format: "json",
    });
  });

  it("names the field that is wrong", () => {
    expect(() => parse("metric=users_total&range=year")).toThrow(ValidationError);
    expect(() => parse("metric=users_total&tz=Mars/Olympus")).toThrow(
      /tz: expected an IANA time zone/,
    );
    expect(() => parse("metric=users_total&range=custom&from=2026-01-02T00:00:00Z")).toThrow(
      /from: expected from and to/,
    );
    expect(() => parse("metric=DROP TABLE")).toThrow(/metric: expected a metric key/);
  });

  it("resolves presets, custom ranges and 'all'", () => {
    expect(resolveRange(parse("metric=m&range=7d"), now, null)).toEqual({
      from: new Date("2026-01-20T12:00:00Z"),
      to: now,
    });
    const custom = parse(
      "metric=m&range=custom&from=2026-01-20T00:00:00%2B13:00&to=2026-01-21T00:00:00%2B13:00",
    );
    expect(resolveRange(custom, now, null)).toEqual({
      from: new Date("2026-01-19T11:00:00Z"),
      to: new Date("2026-01-20T11:00:00Z"),
    });
    expect(
      resolveRange(parse("metric=m&range=all"), now, new Date("2026-01-20T00:00:00Z")).from,
    ).toEqual(new Date("2026-01-20T00:00:00Z"));
  });

  it("picks minutes for hours, hours for days, days beyond two weeks", () => {
    expect(autoUnit(3_600_000)).toBe("minute");
    expect(autoUnit(7 * 86_400_000)).toBe("hour");
    expect(autoUnit(30 * 86_400_000)).toBe("day");
  });
});
