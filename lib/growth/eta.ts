// When will the next user milestone be reached? From the trailing rate: the last 24 hours'
// average signups per hour, with a band from how much the hourly rate varied (its quartiles).

export type Eta = {
  target: number;
  at: Date;
  low: Date;
  high: Date;
  method: "trailing-rate";
  ratePerHour: number;
};

/** The next threshold above `total`: from a list, or a series (every power of ten, or 1-2-5). */
export function nextThreshold(
  total: number,
  thresholds: number[] | "powers-of-ten" | "1-2-5",
): number | null {
  if (Array.isArray(thresholds))
    return [...thresholds].sort((a, b) => a - b).find((t) => t > total) ?? null;
  const steps = thresholds === "1-2-5" ? [1, 2, 5] : [1];
  for (let magnitude = 1; magnitude <= 1e15; magnitude *= 10) {
    for (const step of steps) if (step * magnitude > total) return step * magnitude;
  }
  return null;
}

function quantile(sorted: number[], q: number): number {
  const index = (sorted.length - 1) * q;
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  return (sorted[lo] ?? 0) + ((sorted[hi] ?? 0) - (sorted[lo] ?? 0)) * (index - lo);
}

/** Longest horizon we project to: beyond it a date means nothing. */
const horizonMs = 5 * 365 * 86_400_000;

/**
 * `hourlyIncreases`: signups in each of the last hours (oldest first, at least 3). Null when the
 * target is behind us, growth has stopped, or the date would be more than five years out.
 */
export function estimateEta(
  total: number,
  target: number,
  hourlyIncreases: number[],
  now: Date,
): Eta | null {
  if (target <= total || hourlyIncreases.length < 3) return null;
  const rate = hourlyIncreases.reduce((a, b) => a + b, 0) / hourlyIncreases.length;
  if (rate <= 0) return null;
  const sorted = [...hourlyIncreases].sort((a, b) => a - b);
  const fast = Math.max(quantile(sorted, 0.75), rate);
  const slow = Math.min(quantile(sorted, 0.25), rate);
  const at = (perHour: number) =>
    new Date(now.getTime() + ((target - total) / perHour) * 3_600_000);
  const eta = at(rate);
  if (eta.getTime() - now.getTime() > horizonMs) return null;
  const high = slow > 0 ? at(slow) : new Date(now.getTime() + horizonMs);
  return { target, at: eta, low: at(fast), high, method: "trailing-rate", ratePerHour: rate };
}
