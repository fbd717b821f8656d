// What an outage cost: the signups the rate just before it would have brought, less those that
// still arrived during it. Never negative.

export type MinuteIncrease = { start: Date; increase: number };

/**
 * `before`: per-minute increases in the hour before the outage; `during`: those inside it.
 * Null when there is no rate to go by (no samples before the outage).
 */
export function estimateMissedSignups(
  before: MinuteIncrease[],
  during: MinuteIncrease[],
  from: Date,
  to: Date,
): number | null {
  if (before.length === 0) return null;
  const ratePerMinute = before.reduce((sum, m) => sum + m.increase, 0) / before.length;
  const minutes = (to.getTime() - from.getTime()) / 60_000;
  const arrived = during.reduce((sum, m) => sum + m.increase, 0);
  return Math.max(0, Math.round(ratePerMinute * minutes - arrived));
}
