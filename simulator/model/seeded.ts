/** A stable number in [0, 1) for the given parts, so filler data never changes between runs. */
export function hashUnit(...parts: (string | number)[]): number {
  let hash = 0x811c9dc5; // FNV-1a, then murmur3's finaliser so nearby inputs spread evenly
  for (const char of parts.join("\u0000")) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) / 0x1_0000_0000;
}
