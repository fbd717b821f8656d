const CLOUDFLARE_BUCKETS = [
  100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000, 200_000,
];
const CRUX_BUCKETS = [1000, 5000, 10_000, 50_000, 100_000, 500_000, 1_000_000];

/** Cloudflare Radar names a rank beyond its top 100 only by the bucket it falls in. */
export function cloudflareBucket(rank: number | null): string {
  const bucket = rank === null ? undefined : CLOUDFLARE_BUCKETS.find((upper) => rank <= upper);
  return bucket === undefined ? ">200000" : String(bucket);
}

/** CrUX publishes a rank magnitude: the upper bound of the bucket; null past the top million. */
export function cruxBucket(rank: number | null): number | null {
  return rank === null ? null : (CRUX_BUCKETS.find((upper) => rank <= upper) ?? null);
}
