// The status page's one freshness budget, shared by the snapshot (in Next.js's process) and the
// front's copies (bin/web-server.ts), so the two never stack: the age of what a visitor gets is
// counted from the moment the snapshot was read from the database, whichever layer answers.
// Why these numbers: docs/decisions/0005-web-front.md.
export type StatusFreshness = {
  budgetMs: number;
  refreshAheadMs: number;
  waitMs: number;
  retryMs: number;
  pollMs: number;
};

export const statusFreshness: StatusFreshness = {
  /** Nothing older than this is served as fresh: every layer counts from the snapshot's read. */
  budgetMs: 10_000,
  /** A copy or snapshot this close to the budget is renewed in the background while it serves. */
  refreshAheadMs: 3_000,
  /** How long a request waits for a renewal before it is given the older copy, marked stale. */
  waitMs: 3_000,
  /** After a failed rebuild (the database is down), how long until the next attempt. */
  retryMs: 5_000,
  /** While the LISTEN connection is down, how often the snapshot is rebuilt instead. */
  pollMs: 2_000,
};

/** The Cache-Control every public status response carries (its Age says how old it is). */
export const statusCacheControl = `public, max-age=0, s-maxage=${statusFreshness.budgetMs / 1000}, stale-if-error=86400`;

/** Whether something this old may still be served without a renewal first. */
export const withinBudget = (ageMs: number) => ageMs < statusFreshness.budgetMs;
