// What an outage cost: the signups the usual pace would have brought during it (expected), less
// those that still arrived during it. Never negative. A hard outage lets few through; a slowdown
// (a degraded window: the service answered, slowly) lets most through, so the same length of
// slowdown costs far less. Works on the raw samples, however far apart: the running total is read
// between samples by straight-line interpolation.

export type SampleIncrease = { at: Date; increase: number };

/** How far before the outage the usual pace is measured. */
export const rateWindowMs = 3_600_000;

export type OutageCost = {
  /** Signups the pace around the window would have brought during it. */
  expected: number;
  /** Signups that still arrived during it. */
  arrived: number;
  /** expected − arrived, never negative. */
  missed: number;
};

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

/** Signups per ms over [from, to], clipped to the samples; null when that leaves nothing. */
function paceBetween(samples: SampleIncrease[], totals: number[], from: number, to: number) {
  const first = samples[0]!.at.getTime();
  const last = samples.at(-1)!.at.getTime();
  const a = Math.max(from, first);
  const b = Math.min(to, last);
  if (b <= a) return null;
  return (runningTotalAt(samples, totals, b)! - runningTotalAt(samples, totals, a)!) / (b - a);
}

/**
 * `samples`: time-ordered samples from an hour before the outage to its end (one sample beyond
 * each edge is best). The usual pace is that of the hour before (or as much of it as there is).
 * Null when the samples do not reach back before the window.
 */
export function estimateOutageCost(
  samples: SampleIncrease[],
  from: Date,
  to: Date,
): OutageCost | null {
  if (samples.length < 2) return null;
  const totals: number[] = [];
  samples.reduce((sum, s, i) => (totals[i] = i === 0 ? 0 : sum + s.increase), 0);
  const start = from.getTime();
  const stop = to.getTime();
  const atStart = runningTotalAt(samples, totals, start);
  if (atStart === null) return null;
  const pace = paceBetween(samples, totals, start - rateWindowMs, start);
  if (pace === null) return null;
  const end = Math.min(stop, samples.at(-1)!.at.getTime());
  const arrived = Math.round((runningTotalAt(samples, totals, end) ?? atStart) - atStart);
  const expected = Math.round(pace * (stop - start));
  return { expected, arrived, missed: Math.max(0, expected - arrived) };
}
