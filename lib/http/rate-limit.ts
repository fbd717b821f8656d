// Being told to slow down. A 429 answer names when to come back in Retry-After (seconds, or an
// HTTP date). When that moment leaves room for another try within the run's time budget we wait
// and try again, a few times at most (p-retry); when it does not, the source's part of the run
// ends at once, saying until when it is rate-limited. Stopping the run ends any wait at once.
import { setTimeout as sleep } from "node:timers/promises";
import pRetry, { AbortError } from "p-retry";
import { SourceError } from "@/lib/errors";
import { redactUrl } from "./redact-url";

export const defaultRetryAfterMs = 5_000;
/** Without a deadline to measure against, the longest wait we take. */
export const maxRetryAfterMs = 60_000;

/** When a Retry-After header asks us to come back; `fallbackMs` from now when it is unreadable. */
export function retryAfterAt(
  header: string | null,
  now: Date,
  fallbackMs = defaultRetryAfterMs,
): Date {
  const text = header?.trim() ?? "";
  if (/^\d+$/.test(text)) return new Date(now.getTime() + Number(text) * 1000);
  // An HTTP date names its weekday and month; Date.parse would take "-5" as a year.
  const at = /[a-z]/i.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(at)) return new Date(now.getTime() + fallbackMs);
  return new Date(Math.max(at, now.getTime()));
}

/** "13:05 UTC" (seconds only when there are some), with the day when it is not `now`'s. */
export function formatResetTime(at: Date, now: Date): string {
  const iso = at.toISOString();
  const time = iso.slice(17, 19) === "00" ? iso.slice(11, 16) : iso.slice(11, 19);
  const day = iso.slice(0, 10) === now.toISOString().slice(0, 10) ? "" : `${iso.slice(0, 10)} `;
  return `${day}${time} UTC`;
}

/** An answer of HTTP 429, and when the server said to come back. */
export class RateLimitedError extends SourceError {
  constructor(
    source: string,
    readonly url: string,
    readonly retryAt: Date,
    readonly now = new Date(),
    note = "",
  ) {
    const until = formatResetTime(retryAt, now);
    super("http", source, `rate-limited until ${until} (HTTP 429 from ${redactUrl(url)})${note}`);
  }

  /** How long from now the server asked us to wait. */
  get waitMs(): number {
    return Math.max(0, this.retryAt.getTime() - this.now.getTime());
  }
}

/** The RateLimitedError an answer of HTTP 429 stands for; null for any other answer. */
export function rateLimitOf(
  answer: { status: number; headers: Headers },
  source: string,
  url: string,
): RateLimitedError | null {
  if (answer.status !== 429) return null;
  const now = new Date();
  return new RateLimitedError(
    source,
    url,
    retryAfterAt(answer.headers.get("retry-after"), now),
    now,
  );
}

export type RetryBudget = {
  signal: AbortSignal;
  /** When the run must be over: a wait is taken only if another attempt still fits before it. */
  deadline?: Date;
  /** How long one attempt may take (the source's own timeout). */
  attemptMs?: number;
  retries?: number;
  onWait?: (waitMs: number) => void;
};

/** Whether coming back when asked still leaves one whole attempt before the deadline. */
function fitsBudget(error: RateLimitedError, budget: RetryBudget): boolean {
  if (!budget.deadline) return error.waitMs <= maxRetryAfterMs;
  return error.retryAt.getTime() + (budget.attemptMs ?? 0) <= budget.deadline.getTime();
}

/** Runs `attempt` again after each RateLimitedError that fits the budget; other errors end it. */
export function withRateLimitRetry<T>(attempt: () => Promise<T>, budget: RetryBudget): Promise<T> {
  const { signal } = budget;
  const once = async () => {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof RateLimitedError)) throw new AbortError(error as Error);
      if (fitsBudget(error, budget)) throw error;
      const ends = budget.deadline ?? new Date(error.now.getTime() + maxRetryAfterMs);
      const note = `; this run's time ends at ${formatResetTime(ends, error.now)}`;
      throw new AbortError(
        new RateLimitedError(error.source, error.url, error.retryAt, error.now, note),
      );
    }
  };
  return pRetry(once, {
    retries: budget.retries ?? 3,
    // The wait is the server's, taken in onFailedAttempt; p-retry adds none of its own.
    minTimeout: 0,
    signal,
    onFailedAttempt: async ({ error, retriesLeft }) => {
      if (!(error instanceof RateLimitedError) || retriesLeft === 0) return;
      const waitMs = Math.max(0, error.retryAt.getTime() - Date.now());
      budget.onWait?.(waitMs);
      await sleep(waitMs, undefined, { signal }).catch((reason) => {
        throw signal.aborted ? signal.reason : reason;
      });
    },
  });
}
