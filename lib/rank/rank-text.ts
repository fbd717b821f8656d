// Rank texts as people and pages write them, read into a RankValue: "141", "#1,234", "12K" are
// exact; "top 5,000", "<=5000" and "≤5000" are the bucket 1–5000; ">200,000" is the open bucket
// from 200,001; "-", "—", "" and "unranked" mean the source lists the site nowhere. Also the two
// ladders of buckets that Cloudflare Radar and the Chrome UX Report publish instead of ranks.
import { parseNumber } from "@/lib/numbers/parse-number";
import type { RankValue } from "./rank-types";

const unrankedTexts = new Set(["", "-", "\u2013", "\u2014", "unranked"]);

/** The rank a text states, or null when it states none we can trust (rank 0, "1.5", "ca. 2-3k"). */
export function parseRankText(text: string): RankValue | null {
  const clean = text.replace(/\s+/g, " ").trim();
  if (unrankedTexts.has(clean.toLowerCase())) return { kind: "unranked" };
  const atMost = /^(?:top|<=|\u2264)\s*(.+)$/i.exec(clean);
  if (atMost) {
    const max = placeIn(atMost[1]!);
    return max === null ? null : { kind: "bucket", min: 1, max };
  }
  const beyond = /^>\s*(.+)$/.exec(clean);
  if (beyond) {
    const last = placeIn(beyond[1]!);
    return last === null ? null : { kind: "bucket", min: last + 1, max: null };
  }
  const rank = placeIn(clean);
  return rank === null ? null : { kind: "exact", rank };
}

/** A place in a ranking: a whole number of at least 1. */
function placeIn(text: string): number | null {
  const value = parseNumber(text, { integer: true });
  return value !== null && value >= 1 ? value : null;
}

/** Each bucket holds the ranks after the previous bound up to its own. */
function ladderBucket(ladder: readonly number[], upper: number): RankValue | null {
  const index = ladder.indexOf(upper);
  if (index < 0) return null;
  return { kind: "bucket", min: index === 0 ? 1 : ladder[index - 1]! + 1, max: upper };
}

/** The buckets Cloudflare Radar names a domain's rank by beyond its top 100. */
export const radarLadder = [
  100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000, 200_000,
] as const;

/** A Radar bucket ("200", "5000", ">200000") as a RankValue; null for a value Radar never gives. */
export function radarBucket(text: string): RankValue | null {
  const clean = text.trim();
  const top = radarLadder[radarLadder.length - 1]!;
  if (clean === `>${top}`) return { kind: "bucket", min: top + 1, max: null };
  if (!/^[1-9]\d*$/.test(clean)) return null;
  return ladderBucket(radarLadder, Number(clean));
}

/** The rank magnitudes of the Chrome UX Report: an origin is among the top 1,000, 5,000, ... */
export const cruxLadder = [1000, 5000, 10_000, 50_000, 100_000, 500_000, 1_000_000] as const;

/** A CrUX rank magnitude (the bucket's upper bound) as a bucket; null off the ladder. */
export function cruxBucket(upper: number): RankValue | null {
  return ladderBucket(cruxLadder, upper);
}
