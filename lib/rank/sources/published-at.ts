// When a rank answer was published: the natural key's time, so that reading the same list twice
// stores it once. Lists carry it in Last-Modified; without one, the run's now stands in.

/** 00:00 UTC of the day `at` falls in. */
export function startOfUtcDay(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

/** `at` floored to a whole number of `periodMs` since the epoch. */
export function floorToPeriod(at: Date, periodMs: number): Date {
  return new Date(Math.floor(at.getTime() / periodMs) * periodMs);
}

/** The answer's Last-Modified time, or null when it has none we can read. */
export function lastModified(headers: Headers): Date | null {
  const text = headers.get("last-modified");
  if (text === null) return null;
  const at = new Date(text);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** A daily list's day: that of its Last-Modified, else of now. */
export function listDay(headers: Headers, now: Date): Date {
  return startOfUtcDay(lastModified(headers) ?? now);
}

/** 00:00 UTC of a "YYYY-MM-DD" day; null when the text is no such day ("2026-02-30"). */
export function parseDay(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const at = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().startsWith(text) ? at : null;
}
