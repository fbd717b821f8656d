// What the Growth page's API routes answer. Plain JSON: times are ISO 8601 strings.

export type SeriesUnit = "minute" | "hour" | "day";
export type RangePreset = "1h" | "24h" | "7d" | "30d" | "all" | "custom";

/** GET /api/growth/series?metric&range&from&to&unit&tz[&format=csv] */
export type SeriesResponse = {
  metric: string;
  unit: SeriesUnit;
  timeZone: string;
  from: string;
  to: string;
  /** Every bucket of the range: the reset-aware increase in it, and the last value known by its end. */
  points: { start: string; increase: number; last: number | null }[];
};

/** GET /api/growth/summary?metric&range&from&to&tz */
export type GrowthSummary = {
  metric: string;
  name: string;
  timeZone: string;
  from: string;
  to: string;
  total: { value: number; at: string } | null;
  change24h: number | null;
  /** Growth of the daily (weekly) increase against the day (week) before: 0.25 = +25 %. */
  rates: { dayOverDay: number | null; weekOverWeek: number | null };
  /** The range's increase against the same length of time just before it. */
  period: { increase: number; previousIncrease: number | null; change: number | null };
  /** When the next user milestone will be reached, with a band; null when it cannot be told. */
  eta: {
    target: number;
    at: string;
    low: string;
    high: string;
    method: "trailing-rate" | "log-linear";
    ratePerHour: number;
  } | null;
  /** Outage windows in the range, each with the signups it likely cost. */
  outages: OutageCostView[];
  /**
   * Milestones in the range, as chart markers; `metric` is the metric a milestone is about (its
   * thresholds, velocity records and launch summaries), null for rank and outage milestones.
   */
  milestones: { at: string; label: string; metric: string | null }[];
};

/**
 * One outage window and what it cost. A "slowdown" is a degraded window (the service answered,
 * slowly): signups still arrived, and only the shortfall is missed. Null counts: not enough
 * samples before the window to know the usual pace.
 */
export type OutageCostView = {
  from: string;
  to: string | null;
  label: string;
  severity: "degraded" | "partial" | "major";
  kind: "outage" | "slowdown";
  /** What the pace before it would have brought during it. */
  expectedSignups: number | null;
  /** What still arrived during it. */
  arrivedSignups: number | null;
  /** expected − arrived, never negative. */
  missedSignups: number | null;
};
