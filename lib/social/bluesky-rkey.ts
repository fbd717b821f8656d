// The record key of a post on Bluesky, computed from the post alone so that every attempt to send
// it writes the same record: putRecord on an existing key overwrites it, so a retry after a crash
// can never make a second post.
//
// app.bsky.feed.post records are keyed by TID: 64 bits (top bit 0, then 53 bits of microseconds
// since the epoch, then a 10-bit clock id) written as 13 characters of base32-sortable. Liftoff
// takes the microseconds from post.createdAt (milliseconds) plus post.id % 1000, and the clock id
// from floor(post.id / 1000) % 1024. Two posts get the same key only if they were created in the
// same millisecond and their ids are congruent modulo 1,024,000.
const alphabet = "234567abcdefghijklmnopqrstuvwxyz";

/** Encodes microseconds since the epoch and a clock id (0-1023) as a TID. */
export function encodeTid(micros: bigint, clockId: number): string {
  if (micros < 0n || micros >= 1n << 53n) throw new RangeError("TID time out of range");
  if (!Number.isInteger(clockId) || clockId < 0 || clockId > 1023)
    throw new RangeError("TID clock id out of range");
  let value = (micros << 10n) | BigInt(clockId);
  let tid = "";
  for (let i = 0; i < 13; i++) {
    tid = alphabet[Number(value & 31n)] + tid;
    value >>= 5n;
  }
  return tid;
}

export function postRkey(post: { id: number; createdAt: Date }): string {
  if (!Number.isSafeInteger(post.id) || post.id < 0) throw new RangeError("post id out of range");
  const micros = BigInt(post.createdAt.getTime()) * 1000n + BigInt(post.id % 1000);
  return encodeTid(micros, Math.floor(post.id / 1000) % 1024);
}
