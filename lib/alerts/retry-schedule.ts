// When a failed delivery is tried again: 30 s, 2 min, 10 min, then 30 min; after the fifth
// failure the message is given up (status failed, its last error kept). Pure.

export const maxAttempts = 5;

const delaysMs = [30_000, 120_000, 600_000, 1_800_000];

/** The next attempt after `attempts` failures, or null when there is none. */
export function nextAttemptAt(attempts: number, now: Date): Date | null {
  if (attempts >= maxAttempts) return null;
  const delay = delaysMs[Math.min(attempts, delaysMs.length) - 1] ?? delaysMs[0]!;
  return new Date(now.getTime() + delay);
}
