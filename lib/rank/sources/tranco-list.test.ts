import { readFileSync } from "node:fs";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { SourceError } from "@/lib/errors";
import { scanTrancoZip } from "./tranco-list";

const fixture = new Uint8Array(readFileSync("tests/fixtures/ranks/tranco-top-1m.csv.zip"));
const tracked = new Set(["stashbox.test", "boxdrop.test", "cloudvault.test", "github.com"]);

/** The bytes in pieces of `size`, as a download delivers them. */
async function* inPieces(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

function zipOf(files: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([n, t]) => [n, strToU8(t)])));
}

async function refusal(bytes: Uint8Array): Promise<SourceError> {
  const error = await scanTrancoZip(inPieces(bytes, 64), tracked, "tranco").catch((e) => e);
  expect(error).toBeInstanceOf(SourceError);
  return error as SourceError;
}

describe("scanTrancoZip", () => {
  it.each([7, 64, 100_000])("finds the tracked domains in %d-byte pieces", async (size) => {
    const { ranks, lines } = await scanTrancoZip(inPieces(fixture, size), tracked, "tranco");
    expect(lines).toBe(40);
    expect(Object.fromEntries(ranks)).toEqual({
      "stashbox.test": { kind: "exact", rank: 23 },
      "boxdrop.test": { kind: "exact", rank: 31 },
      "github.com": { kind: "exact", rank: 28 },
    });
  });

  it("reads LF lines, a last line without a break, and upper-case names", async () => {
    const zip = zipOf({ "top-1m.csv": "1,google.com\n2,StashBox.TEST\n3,boxdrop.test" });
    const { ranks, lines } = await scanTrancoZip(inPieces(zip, 5), tracked, "tranco");
    expect(lines).toBe(3);
    expect(ranks.get("stashbox.test")).toEqual({ kind: "exact", rank: 2 });
    expect(ranks.get("boxdrop.test")).toEqual({ kind: "exact", rank: 3 });
  });

  it("refuses the whole list for one malformed line, naming it", async () => {
    const zip = zipOf({ "top-1m.csv": "1,google.com\r\n2,a.com\r\n3,b.com\r\n4,c.com\r\nabc\r\n" });
    const error = await refusal(zip);
    expect(error.kind).toBe("parse");
    expect(error.message).toBe('tranco: top-1m.csv line 5: expected "rank,domain", found "abc"');
  });

  it.each([
    ["rank 0", "0,google.com"],
    ["a negative rank", "-1,google.com"],
    ["a fractional rank", "1.5,google.com"],
    ["a third field", "1,google.com,extra"],
    ["a blank line", ""],
    ["a domain with a blank", "1,google .com"],
    ["no domain", "1,"],
  ])("refuses %s", async (_name, line) => {
    const zip = zipOf({ "top-1m.csv": `1,a.com\r\n${line}\r\n3,c.com\r\n` });
    const error = await refusal(zip);
    expect(error.kind).toBe("parse");
    expect(error.message).toContain(
      `line 2: expected "rank,domain", found ${JSON.stringify(line)}`,
    );
  });

  it("refuses a zip without top-1m.csv, saying what it holds", async () => {
    const error = await refusal(zipOf({ "README.txt": "moved", "list.csv": "1,a.com\r\n" }));
    expect(error.kind).toBe("parse");
    expect(error.message).toBe(
      "tranco: the zip holds no top-1m.csv (it holds README.txt, list.csv)",
    );
  });

  it("refuses a truncated zip", async () => {
    const error = await refusal(fixture.subarray(0, 200));
    expect(error.kind).toBe("parse");
    expect(error.message).toBe("tranco: the zip is truncated: top-1m.csv ends early");
  });

  it("refuses a zip whose compressed data is corrupt", async () => {
    const damaged = fixture.slice();
    const dataStart = 30 + "top-1m.csv".length; // after the local file header and name
    damaged[dataStart] = 0xff; // a deflate block of the reserved type 3
    const error = await refusal(damaged);
    expect(error.kind).toBe("parse");
    expect(error.message).toMatch(/^tranco: top-1m.csv in the zip is corrupt: /);
  });

  it("refuses an answer that is no zip, and an empty answer", async () => {
    const page = await refusal(strToU8("<!DOCTYPE html><title>Maintenance</title>"));
    expect(page.message).toBe(
      "tranco: the answer is not a zip archive (it should hold top-1m.csv)",
    );
    const empty = await refusal(new Uint8Array(0));
    expect(empty.message).toBe("tranco: the answer is empty, not a zip archive holding top-1m.csv");
  });

  it("calls a list without lines empty", async () => {
    const error = await refusal(zipOf({ "top-1m.csv": "" }));
    expect(error.kind).toBe("empty");
    expect(error.message).toBe("tranco: top-1m.csv lists no domain");
  });
});
