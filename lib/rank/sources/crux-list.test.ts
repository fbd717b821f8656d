import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SourceError } from "@/lib/errors";
import { scanCruxCsv } from "./crux-list";

const fixture = readFileSync("tests/fixtures/ranks/crux-current.csv", "utf8");
const tracked = new Set(["stashbox.test", "boxdrop.test", "filehaven.test", "cloudvault.test"]);
const where = { file: "current.csv", source: "crux" };

async function* inPieces(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function refusal(text: string): Promise<SourceError> {
  const error = await scanCruxCsv(inPieces(text, 50), tracked, where).catch((e) => e);
  expect(error).toBeInstanceOf(SourceError);
  return error as SourceError;
}

describe("scanCruxCsv", () => {
  it("reads buckets by bare and www. origin, the better one when both are listed", async () => {
    const { ranks, rows } = await scanCruxCsv(inPieces(fixture, 11), tracked, where);
    expect(rows).toBe(20);
    expect(Object.fromEntries(ranks)).toEqual({
      // https://www.stashbox.test,5000 beats https://stashbox.test,10000; api. does not count.
      "stashbox.test": { kind: "bucket", min: 1001, max: 5000 },
      "boxdrop.test": { kind: "bucket", min: 1, max: 1000 },
      "filehaven.test": { kind: "bucket", min: 5001, max: 10_000 },
      // https://cloudvault.test.example is another site.
    });
  });

  it("refuses a file without the origin,rank header", async () => {
    const error = await refusal("https://www.google.com,1000\n");
    expect(error.message).toBe(
      'crux: current.csv line 1: expected the header "origin,rank", found "https://www.google.com,1000"',
    );
  });

  it.each([
    [
      "a rank off the ladder",
      "https://a.test,2000",
      "a CrUX rank magnitude (1000, 5000, 10000, ...)",
    ],
    [
      "a rank that is no number",
      "https://a.test,top",
      "a CrUX rank magnitude (1000, 5000, 10000, ...)",
    ],
    ["an origin with a path", "https://a.test/home,1000", "an origin"],
    ["a bare host", "a.test,1000", "an origin"],
    ["a third field", "https://a.test,1000,x", '"origin,rank"'],
  ])("refuses %s", async (_name, row, expected) => {
    const error = await refusal(`origin,rank\nhttps://b.test,1000\n${row}\n`);
    expect(error.kind).toBe("parse");
    expect(error.message).toBe(
      `crux: current.csv line 3: expected ${expected}, found ${JSON.stringify(row)}`,
    );
  });

  it("calls a header without rows empty", async () => {
    expect((await refusal("origin,rank\n")).kind).toBe("empty");
  });
});
