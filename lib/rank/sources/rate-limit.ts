// Being told to slow down. A 429 answer names its wait in Retry-After (seconds, or an HTTP date);
// we wait that long (a default when it says nothing we can read, never past a cap) and try again,
// a few times at most, through p-retry. Stopping the run (the signal) ends the wait at once.
import { setTimeout as sleep } from "node:timers/promises";
import pRetry from "p-retry";
import { SourceError } from "@/lib/errors";

export const defaultRetryAfterMs = 5_000;
export const maxRetryAfterMs = 60_000;

/** How long a Retry-After header asks us to wait, in ms, between 0 and `capMs`. */
export function retryAfterMs(
  header: string | null,
  now: Date,
  { fallbackMs = defaultRetryAfterMs, capMs = maxRetryAfterMs } = {},
): number {
  const text = header?.trim() ?? "";
  let waitMs: number;
  if (/^\d+$/.test(text)) waitMs = Number(text) * 1000;
  else {
    // An HTTP date names its weekday and month; Date.parse would take "-5" as a year.
    const at = /[a-z]/i.test(text) ? Date.parse(text) : Number.NaN;
    if (Number.isNaN(at)) return Math.min(fallbackMs, capMs);
    waitMs = at - now.getTime();
  }
  return Math.min(Math.max(0, waitMs), capMs);
}

/** An answer of HTTP 429: how long the server asked us to wait before the next request. */
export class RateLimitedError extends SourceError {
  constructor(
    source: string,
    url: string,
    readonly waitMs: number,
  ) {
    super("http", source, `${url} answered HTTP 429 (too many requests)`);
  }
}

/** Runs `attempt` again after each RateLimitedError, waiting as asked; other errors end it. */
export function withRateLimitRetry<T>(
  attempt: () => Promise<T>,
  options: { signal: AbortSignal; retries?: number; onWait?: (waitMs: number) => void },
): Promise<T> {
  return pRetry(attempt, {
    retries: options.retries ?? 3,
    // The wait is the server's, taken in onFailedAttempt; p-retry adds none of its own.
    minTimeout: 0,
    signal: options.signal,
    shouldRetry: ({ error }) => error instanceof RateLimitedError,
    onFailedAttempt: async ({ error, retriesLeft }) => {
      if (!(error instanceof RateLimitedError) || retriesLeft === 0) return;
      options.onWait?.(error.waitMs);
      await sleep(error.waitMs, undefined, { signal: options.signal }).catch((reason) => {
        throw options.signal.aborted ? options.signal.reason : reason;
      });
    },
  });
}
