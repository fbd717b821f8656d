import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SourceError } from "@/lib/errors";
import { parseTrancoRanks } from "./tranco-api";

const fixture = readFileSync("tests/fixtures/ranks/tranco-ranks-stashbox.json", "utf8");

function refusal(body: string, domain = "stashbox.test"): SourceError {
  try {
    parseTrancoRanks(body, domain, "tranco");
  } catch (error) {
    if (error instanceof SourceError) return error;
    throw error;
  }
  throw new Error("expected a SourceError");
}

describe("parseTrancoRanks", () => {
  it("gives one exact global reading per day at 00:00 UTC, oldest first", () => {
    const readings = parseTrancoRanks(fixture, "stashbox.test", "tranco");
    expect(readings.map((r) => [r.at.toISOString(), r.value])).toEqual([
      ["2026-01-21T00:00:00.000Z", { kind: "exact", rank: 1_382_904 }],
      ["2026-01-22T00:00:00.000Z", { kind: "exact", rank: 420_187 }],
      ["2026-01-23T00:00:00.000Z", { kind: "exact", rank: 163_009 }],
      ["2026-01-24T00:00:00.000Z", { kind: "exact", rank: 48_211 }],
      ["2026-01-25T00:00:00.000Z", { kind: "exact", rank: 27_356 }],
    ]);
    expect(new Set(readings.map((r) => `${r.domain} ${r.scope}`))).toEqual(
      new Set(["stashbox.test global"]),
    );
  });

  it("gives nothing for a domain the lists never had", () => {
    expect(parseTrancoRanks('{"domain":"new.test","ranks":[]}', "new.test", "tranco")).toEqual([]);
  });

  it.each([
    ["not JSON", "<html>busy</html>", /the ranks of stashbox.test is not JSON/],
    [
      "a rank of 0",
      '{"domain":"stashbox.test","ranks":[{"date":"2026-01-21","rank":0}]}',
      /ranks\[0\]\.rank: expected .*, found number 0/,
    ],
    [
      "a date in another form",
      '{"domain":"stashbox.test","ranks":[{"date":"21.01.2026","rank":5}]}',
      /ranks\[0\]\.date: expected a day as YYYY-MM-DD, found "21.01.2026"/,
    ],
    [
      "a day that does not exist",
      '{"domain":"stashbox.test","ranks":[{"date":"2026-02-30","rank":5}]}',
      /ranks\[0\]\.date: expected a real day/,
    ],
    ["no ranks", '{"domain":"stashbox.test"}', /ranks: expected a list, found nothing/],
  ])("refuses %s", (_name, body, message) => {
    const error = refusal(body);
    expect(error.kind).toBe("parse");
    expect(error.message).toMatch(message);
  });

  it("refuses an answer about another domain", () => {
    expect(refusal('{"domain":"other.test","ranks":[]}').message).toBe(
      'tranco: asked for the ranks of stashbox.test, the answer is about "other.test"',
    );
  });
});
