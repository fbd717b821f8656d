// What GET /api/rank answers and the Rank page renders. Plain JSON: times are ISO 8601 strings.
// A rank is always shown as its source stated it: an exact place, a bucket, or unranked.

export type RankRange = "7d" | "30d" | "90d" | "all";

/** One stored sample, as the chart and tables take it. */
export type RankPoint = {
  at: string;
  kind: "exact" | "bucket" | "unranked";
  rank: number | null;
  /** A bucket's best (smallest) and worst rank; bucketMax null: open ended (">200,000"). */
  bucketMin: number | null;
  bucketMax: number | null;
};

/** One line of the climb chart: one site from one source in one scope, oldest first. */
export type RankSeries = {
  source: string;
  domain: string;
  isService: boolean;
  points: RankPoint[];
};

export type RankSourceView = {
  key: string;
  /** The configured name, or the key. */
  name: string;
  kind: string;
  /** The newest sample this source stored for the service (any scope), null when none yet. */
  latestSampleAt: string | null;
  /** The last ingest-ranks run that read this source, and whether this source failed in it. */
  lastRunAt: string | null;
  lastError: string | null;
};

/** The service's standing with one source, globally. */
export type RankStanding = {
  source: string;
  latest: RankPoint | null;
  /** Best exact rank ever, and when it was first reached; null when never exactly ranked. */
  best: { rank: number; at: string } | null;
  /**
   * Places gained (positive) or lost (negative) against the sample 24 h / 7 d before the latest;
   * null when either side is not an exact rank or there is no sample that old.
   */
  change24h: number | null;
  change7d: number | null;
};

/** The service's rank in one country from one source. */
export type CountryRank = {
  scope: string;
  /** The country's English name ("New Zealand"). */
  country: string;
  source: string;
  latest: RankPoint;
  change7d: number | null;
  best: { rank: number; at: string } | null;
};

export type RankPageData = {
  generatedAt: string;
  timezone: string;
  /** The range shown: the one asked for, or the one that fits the data when none was. */
  range: RankRange;
  /** True when no range was asked for and `range` was chosen to fit the data's extent. */
  fitted: boolean;
  /** The chart's span: from the range's start to the newest sample (both null without data). */
  from: string | null;
  to: string | null;
  service: { name: string; domain: string };
  competitors: { name: string; domain: string }[];
  sources: RankSourceView[];
  /** Global series of the service and every competitor, per source. */
  series: RankSeries[];
  standings: RankStanding[];
  countries: CountryRank[];
  /** Chart markers: "entered top 150 (tranco)", "#1 in New Zealand"... from recorded milestones. */
  markers: { at: string; label: string; source: string | null }[];
  /** Outage windows within the span (to null: still going). */
  outages: { from: string; to: string | null; label: string }[];
};
