import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SourceError } from "@/lib/errors";
import { scanMajesticCsv } from "./majestic-list";

const fixture = readFileSync("tests/fixtures/ranks/majestic_million.csv", "utf8");
const tracked = new Set(["stashbox.test", "boxdrop.test", "github.com"]);
const where = { file: "majestic_million.csv", source: "majestic" };

async function* inPieces(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function refusal(text: string): Promise<SourceError> {
  const error = await scanMajesticCsv(inPieces(text, 50), tracked, where).catch((e) => e);
  expect(error).toBeInstanceOf(SourceError);
  return error as SourceError;
}

describe("scanMajesticCsv", () => {
  it("reads GlobalRank and Domain by the header's names", async () => {
    const { ranks, rows } = await scanMajesticCsv(inPieces(fixture, 13), tracked, where);
    expect(rows).toBe(30);
    expect(Object.fromEntries(ranks)).toEqual({
      "boxdrop.test": { kind: "exact", rank: 17 },
      "github.com": { kind: "exact", rank: 16 },
    });
  });

  it("finds the columns wherever the header puts them", async () => {
    const text = "Domain,TLD,GlobalRank\r\ngoogle.com,com,1\r\nboxdrop.test,test,2\r\n";
    const { ranks } = await scanMajesticCsv(inPieces(text, 7), tracked, where);
    expect(ranks.get("boxdrop.test")).toEqual({ kind: "exact", rank: 2 });
  });

  it("refuses a file without its header", async () => {
    const error = await refusal(fixture.split("\n").slice(1).join("\n"));
    expect(error.kind).toBe("parse");
    expect(error.message).toMatch(
      /^majestic: majestic_million.csv line 1: expected a header with GlobalRank and Domain columns, found "1,1,google.com,/,
    );
  });

  it("refuses a row with fewer fields than the header", async () => {
    const lines = fixture.split("\n");
    lines[4] = "4,4,twitter.com,com";
    const error = await refusal(lines.join("\n"));
    expect(error.message).toBe(
      'majestic: majestic_million.csv line 5: expected 12 fields as in the header, found "4,4,twitter.com,com"',
    );
  });

  it("refuses a rank that is not a whole number from 1", async () => {
    const lines = fixture.split("\n");
    lines[2] = lines[2]!.replace(/^2,/, "two,");
    const error = await refusal(lines.join("\n"));
    expect(error.message).toMatch(
      /line 3: expected a rank in GlobalRank and a domain in Domain, found "two,2,facebook.com,/,
    );
  });

  it("calls a header without rows empty", async () => {
    const error = await refusal(fixture.split("\n")[0]! + "\n");
    expect(error.kind).toBe("empty");
    expect(error.message).toBe("majestic: majestic_million.csv lists no domain");
  });
});
