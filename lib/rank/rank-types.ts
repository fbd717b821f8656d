// What rank sources read and what the recorder stores. Lower is better.

/**
 * A rank as a source states it: an exact place, a bucket [min, max] (max null: open ended, as in
 * ">200000"), or unranked (the source lists the domain nowhere). Never a rank of 0.
 */
export type RankValue =
  | { kind: "exact"; rank: number }
  | { kind: "bucket"; min: number; max: number | null }
  | { kind: "unranked" };

/** One domain's rank in one scope at one time, from one source. */
export type RankReading = {
  domain: string;
  /** "global" or an ISO 3166-1 alpha-2 country code, upper case. */
  scope: string;
  /**
   * The moment it stands for: a list's day (00:00 UTC), a page's period; an API reading's fetch
   * (a past day's Tranco entry: that day's last moment). Decision 0004.
   */
  at: Date;
  value: RankValue;
};

/** What a source module is given for one run. */
export type RankReadContext = {
  /** The tracked domains: the service first, then competitors. Lower case. */
  domains: string[];
  signal: AbortSignal;
  /** When the run's time is up: a rate limit that lasts past it ends the source's part at once. */
  deadline?: Date;
  /** The run's clock: when API readings were fetched, and the date of answers without one. */
  now: Date;
  /** A line for the job's log ("backfilled 30 days of stashbox.test"). */
  note?: (message: string) => void;
};
