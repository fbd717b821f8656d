import { describe, expect, it } from "vitest";
import { encodeTid, postRkey } from "./bluesky-rkey";

// The TID syntax of the AT Protocol: 13 characters of base32-sortable, the first below "k".
const tidSyntax = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;
const alphabet = "234567abcdefghijklmnopqrstuvwxyz";

/** Reads a TID back into its 64-bit value, independently of the encoder. */
function decode(tid: string): bigint {
  return [...tid].reduce((value, c) => value * 32n + BigInt(alphabet.indexOf(c)), 0n);
}

const launch = new Date("2025-03-04T05:06:07.089Z");

describe("postRkey", () => {
  it("is a valid TID holding the post's time and id", () => {
    const rkey = postRkey({ id: 1_234, createdAt: launch });
    expect(rkey).toMatch(tidSyntax);
    const value = decode(rkey);
    expect(value >> 10n).toBe(BigInt(launch.getTime()) * 1000n + 234n);
    expect(value & 1023n).toBe(1n);
  });

  it("is the same for the same post, whenever it is computed", () => {
    const a = postRkey({ id: 42, createdAt: new Date(launch) });
    const b = postRkey({ id: 42, createdAt: new Date(launch.getTime()) });
    expect(a).toBe(b);
  });

  it("differs between posts made in the same millisecond", () => {
    const keys = new Set(
      Array.from({ length: 5_000 }, (_, i) => postRkey({ id: i + 1, createdAt: launch })),
    );
    expect(keys.size).toBe(5_000);
    for (const key of keys) expect(key).toMatch(tidSyntax);
  });

  it("differs between posts with the same id made at different times, and sorts by time", () => {
    const earlier = postRkey({ id: 9, createdAt: launch });
    const later = postRkey({ id: 9, createdAt: new Date(launch.getTime() + 1) });
    expect(later).not.toBe(earlier);
    expect(later > earlier).toBe(true);
  });

  it("refuses ids and times a TID cannot hold", () => {
    expect(() => postRkey({ id: -1, createdAt: launch })).toThrow(RangeError);
    expect(() => postRkey({ id: 1.5, createdAt: launch })).toThrow(RangeError);
    expect(() => encodeTid(1n << 53n, 0)).toThrow(RangeError);
    expect(() => encodeTid(0n, 1024)).toThrow(RangeError);
  });

  it("encodes the smallest and largest TIDs (top bit 0, 53 bits of time, 10 of clock)", () => {
    expect(encodeTid(0n, 0)).toBe("2222222222222");
    expect(encodeTid((1n << 53n) - 1n, 1023)).toBe("bzzzzzzzzzzzz");
  });
});
