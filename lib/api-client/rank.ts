// The Rank page's state and query, the same on both sides. The URL holds the view
// (?range=90d&source=tranco&hide=dropfile.test) so it can be shared; the server page parses it
// with the same function and prefetches under the same key the browser then reads. Only the range
// is asked of the server (none: the server fits it to the data's extent): which source and which
// competitors are drawn is the browser's business.
import { queryOptions } from "@tanstack/react-query";
import type { RankPoint, RankRange, RankPageData } from "@/lib/rank/rank-page-types";
import { formatCount, formatRank } from "./format";
import { fetchJson } from "./fetch-json";
import type { ParamSource } from "./growth";

export type RankState = {
  /** The range asked for; null: the one that fits the data (the server chooses). */
  range: RankRange | null;
  /** The source whose lines are drawn; null: the one with the most exact places for the service. */
  source: string | null;
  /** Competitors' domains whose lines are switched off, sorted. */
  hidden: string[];
};

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
const sourceKeyLike = /^[a-z0-9][a-z0-9_-]{0,63}$/i;

/** The page's state from its URL; an unknown range or source is left to the data, odd domains dropped. */
export function parseRankState(params: ParamSource): RankState {
  const range = params.get("range") ?? "";
  const source = params.get("source") ?? "";
  const hidden = (params.get("hide") ?? "")
    .split(",")
    .map((domain) => domain.trim().toLowerCase())
    .filter((domain) => domainLike.test(domain));
  return {
    range: ranges.has(range) ? (range as RankRange) : null,
    source: sourceKeyLike.test(source) ? source : null,
    hidden: [...new Set(hidden)].sort(),
  };
}

/** The state as a query string: "" or "range=7d&source=tranco&hide=boxcloud.test,dropfile.test". */
export function rankSearch(state: RankState): string {
  const search = new URLSearchParams();
  if (state.range) search.set("range", state.range);
  if (state.source) search.set("source", state.source);
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

/** The API's path for a range; without one the server fits the range to the data. */
export function rankPath(range: RankRange | null): string {
  return range ? `/api/rank?${new URLSearchParams({ range })}` : "/api/rank";
}

export function rankQuery(range: RankRange | null) {
  return queryOptions({
    queryKey: ["rank", "page", range ?? "fitted"] as const,
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
