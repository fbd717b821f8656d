import { readFileSync } from "node:fs";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { SourceError } from "@/lib/errors";
import { scanUmbrellaZip } from "./umbrella-list";

const fixture = new Uint8Array(readFileSync("tests/fixtures/ranks/umbrella-top-1m.csv.zip"));
const tracked = new Set(["stashbox.test", "boxdrop.test", "cloudvault.test", "netflix.com"]);

async function* inPieces(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

describe("scanUmbrellaZip", () => {
  it("ranks a domain by its own line, never by a host under it", async () => {
    // The fixture lists api.stashbox.test at 12 and www.stashbox.test at 18 before
    // stashbox.test at 25, and www.cloudvault.test but not cloudvault.test.
    const { ranks, rows } = await scanUmbrellaZip(inPieces(fixture, 9), tracked, "umbrella");
    expect(rows).toBe(35);
    expect(Object.fromEntries(ranks)).toEqual({
      "stashbox.test": { kind: "exact", rank: 25 },
      "netflix.com": { kind: "exact", rank: 5 },
    });
  });

  it("refuses a malformed row, naming its line", async () => {
    const zip = zipSync({ "top-1m.csv": strToU8("1,google.com\n2,www.google.com\n3,x,y\n") });
    const error = await scanUmbrellaZip(inPieces(zip, 16), tracked, "umbrella").catch((e) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect(error.message).toBe(
      'umbrella: top-1m.csv line 3: expected "rank,domain", found "3,x,y"',
    );
  });

  it("refuses what csv-parse cannot read, with its line", async () => {
    const zip = zipSync({ "top-1m.csv": strToU8('1,google.com\n2,"www.google.com\n') });
    const error = await scanUmbrellaZip(inPieces(zip, 16), tracked, "umbrella").catch((e) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect(error.kind).toBe("parse");
    expect(error.message).toMatch(/^umbrella: top-1m.csv: Quote Not Closed: .* at line 2$/);
  });

  it("calls a list without rows empty", async () => {
    const zip = zipSync({ "top-1m.csv": new Uint8Array(0) });
    const error = await scanUmbrellaZip(inPieces(zip, 16), tracked, "umbrella").catch((e) => e);
    expect(error.kind).toBe("empty");
  });
});
