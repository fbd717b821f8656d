// The Rank page's state and query, the same on both sides. The URL holds the view
// (?range=90d&hide=dropfile.test) so it can be shared; the server page parses it with the same
// function and prefetches under the same key the browser then reads. Only the range is asked of
// the server: which competitors are drawn is the browser's business.
import { queryOptions } from "@tanstack/react-query";
import type { RankPoint, RankRange, RankPageData } from "@/lib/rank/rank-page-types";
import { formatCount, formatRank } from "./format";
import { fetchJson } from "./fetch-json";
import type { ParamSource } from "./growth";

export type RankState = {
  range: RankRange;
  /** Competitors' domains whose lines are switched off, sorted. */
  hidden: string[];
};

export const DEFAULT_RANK_RANGE: RankRange = "30d";
/** Lists are published daily and pages read hourly: a minute is plenty. */
export const RANK_REFRESH_MS = 60_000;

export const rankRangeOptions: { value: RankRange; label: string }[] = [
  { value: "7d", label: "7 d" },
  { value: "30d", label: "30 d" },
  { value: "90d", label: "90 d" },
  { value: "all", label: "All" },
];

const ranges = new Set<string>(rankRangeOptions.map((option) => option.value));
const domainLike = /^[a-z0-9.-]{1,253}$/;

/** The page's state from its URL; an unknown range falls back to 30 d, odd domains are dropped. */
export function parseRankState(params: ParamSource): RankState {
  const range = params.get("range") ?? "";
  const hidden = (params.get("hide") ?? "")
    .split(",")
    .map((domain) => domain.trim().toLowerCase())
    .filter((domain) => domainLike.test(domain));
  return {
    range: ranges.has(range) ? (range as RankRange) : DEFAULT_RANK_RANGE,
    hidden: [...new Set(hidden)].sort(),
  };
}

/** The state as a query string: "range=7d" or "range=7d&hide=boxcloud.test,dropfile.test". */
export function rankSearch(state: RankState): string {
  const search = new URLSearchParams({ range: state.range });
  if (state.hidden.length) search.set("hide", [...state.hidden].sort().join(","));
  // Commas read better in a shared link than %2C.
  return search.toString().replaceAll("%2C", ",");
}

/** Shows or hides one competitor's lines. */
export function withCompetitor(state: RankState, domain: string, shown: boolean): RankState {
  const hidden = state.hidden.filter((d) => d !== domain);
  if (!shown) hidden.push(domain);
  return { ...state, hidden: hidden.sort() };
}

export function rankPath(range: RankRange): string {
  return `/api/rank?${new URLSearchParams({ range })}`;
}

export function rankQuery(range: RankRange) {
  return queryOptions({
    queryKey: ["rank", "page", range] as const,
    queryFn: ({ signal }) => fetchJson<RankPageData>(rankPath(range), signal),
    refetchInterval: RANK_REFRESH_MS,
    refetchOnWindowFocus: false,
  });
}

export type RankChange = {
  /** "▲ 1,234", "▼ 56", "±0" or "—". */
  text: string;
  tone: "up" | "down" | "flat" | "none";
  /** The change in words, or why there is none. */
  title: string;
};

const windowWords = { "24h": "24 h", "7d": "7 d" } as const;

/**
 * Places gained (positive: climbed) over a window, with an arrow; when there is no number, the
 * reason, read from the latest sample: a bucket or unranked has no exact place to compare.
 */
export function describeRankChange(
  change: number | null,
  window: keyof typeof windowWords,
  latest: Pick<RankPoint, "kind" | "rank" | "bucketMin" | "bucketMax"> | null,
): RankChange {
  const span = windowWords[window];
  if (change === null) {
    let title: string;
    if (!latest) title = "No sample yet";
    else if (latest.kind === "bucket")
      title = `The latest rank is a bucket (${formatRank(latest)}), not an exact place; no change to count`;
    else if (latest.kind === "unranked") title = "Not ranked in the latest sample";
    else title = `No exact rank from ${span} before the latest sample to compare with`;
    return { text: "—", tone: "none", title };
  }
  if (change === 0) return { text: "±0", tone: "flat", title: `Same place as ${span} before` };
  const places = formatCount(Math.abs(change));
  const noun = Math.abs(change) === 1 ? "place" : "places";
  return change > 0
    ? { text: `▲ ${places}`, tone: "up", title: `Climbed ${places} ${noun} in ${span}` }
    : { text: `▼ ${places}`, tone: "down", title: `Fell ${places} ${noun} in ${span}` };
}

/** The CSS class for a change's colour: green for a climb, red for a fall. */
export function changeClass(tone: RankChange["tone"]): string {
  if (tone === "up") return "trend-up";
  if (tone === "down") return "trend-down";
  return "muted";
}

/** Orders ranks best first: exact by place, a bucket by its worst place, unranked last. */
export function rankOrder(point: Pick<RankPoint, "kind" | "rank" | "bucketMin" | "bucketMax">) {
  if (point.kind === "exact" && point.rank !== null) return point.rank;
  if (point.kind === "bucket") {
    if (point.bucketMax !== null) return point.bucketMax + 0.5;
    if (point.bucketMin !== null) return point.bucketMin + 0.5;
  }
  return Number.POSITIVE_INFINITY;
}
