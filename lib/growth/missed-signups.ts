// What an outage cost: the signups the rate just before it would have brought, less those that
// still arrived during it. Never negative. Works on the raw samples, however far apart: the
// running total is read between samples by straight-line interpolation.

export type SampleIncrease = { at: Date; increase: number };

/** How far before the outage the rate is taken. */
export const rateWindowMs = 3_600_000;

/** The running total of increases at `t`, between the samples around it (null outside them). */
function runningTotalAt(samples: SampleIncrease[], totals: number[], t: number): number | null {
  for (let i = 1; i < samples.length; i++) {
    const a = samples[i - 1]!.at.getTime();
    const b = samples[i]!.at.getTime();
    if (t >= a && t <= b)
      return totals[i - 1]! + ((totals[i]! - totals[i - 1]!) * (t - a)) / (b - a || 1);
  }
  return null;
}

/**
 * `samples`: time-ordered samples from at least an hour before the outage to at least its end
 * (one sample beyond each edge is best). Null when they do not reach back before it.
 */
export function estimateMissedSignups(
  samples: SampleIncrease[],
  from: Date,
  to: Date,
): number | null {
  if (samples.length < 2) return null;
  const totals: number[] = [];
  samples.reduce((sum, s, i) => (totals[i] = i === 0 ? 0 : sum + s.increase), 0);
  const start = from.getTime();
  const rateFrom = Math.max(start - rateWindowMs, samples[0]!.at.getTime());
  const before = runningTotalAt(samples, totals, start);
  const earlier = runningTotalAt(samples, totals, rateFrom);
  if (before === null || earlier === null || rateFrom >= start) return null;
  const end = Math.min(to.getTime(), samples.at(-1)!.at.getTime());
  const after = runningTotalAt(samples, totals, end) ?? before;
  const ratePerMs = (before - earlier) / (start - rateFrom);
  return Math.max(0, Math.round(ratePerMs * (to.getTime() - start) - (after - before)));
}
