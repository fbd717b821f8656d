import { describe, expect, it } from "vitest";
import { textLineBatches } from "./text-lines";

async function linesOf(pieces: (string | Uint8Array)[]) {
  async function* chunks() {
    for (const piece of pieces)
      yield typeof piece === "string" ? new TextEncoder().encode(piece) : piece;
  }
  const lines: [number, string][] = [];
  for await (const { first, lines: batch } of textLineBatches(chunks())) {
    batch.forEach((line, i) => lines.push([first + i, line]));
  }
  return lines;
}

describe("textLineBatches", () => {
  it("numbers lines across chunk boundaries", async () => {
    expect(await linesOf(["1,a.t", "est\n2,b.test\n3,", "c.test\n"])).toEqual([
      [1, "1,a.test"],
      [2, "2,b.test"],
      [3, "3,c.test"],
    ]);
  });

  it("keeps a CRLF line's carriage return, even when the chunk splits the pair", async () => {
    expect(await linesOf(["1,a.test\r", "\n2,b.test\r\n"])).toEqual([
      [1, "1,a.test\r"],
      [2, "2,b.test\r"],
    ]);
  });

  it("counts a last line without a break, and keeps blank lines", async () => {
    expect(await linesOf(["a\n\nb"])).toEqual([
      [1, "a"],
      [2, ""],
      [3, "b"],
    ]);
  });

  it("decodes a character split between chunks", async () => {
    const bytes = new TextEncoder().encode("1,münchen.test\n");
    const split = bytes.indexOf(0xc3) + 1;
    expect(await linesOf([bytes.subarray(0, split), bytes.subarray(split)])).toEqual([
      [1, "1,münchen.test"],
    ]);
  });
});
