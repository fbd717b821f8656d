// Which source the climb chart draws: the one the URL names when it has data in the range, else
// the one with the most exact places for the service (a bucket says less than a place), ties to
// the configured order. One source at a time keeps the chart to one line per site. Pure, so tested.
import type { RankPageData } from "@/lib/rank/rank-page-types";

export type ClimbSource = {
  key: string;
  name: string;
  /** The service's exact places from this source in the range. */
  exact: number;
  /** The service's buckets from this source in the range. */
  buckets: number;
};

type SourceInput = Pick<RankPageData, "series" | "sources">;

/** The sources with a global series in the range, in the configured order (unknown ones last). */
export function climbSources(data: SourceInput): ClimbSource[] {
  const keys = [...new Set(data.series.map((series) => series.source))];
  const configured = data.sources.map((source) => source.key);
  const position = (key: string) =>
    configured.includes(key) ? configured.indexOf(key) : configured.length;
  keys.sort((a, b) => position(a) - position(b) || a.localeCompare(b));
  return keys.map((key) => {
    const points = data.series
      .filter((series) => series.source === key && series.isService)
      .flatMap((series) => series.points);
    return {
      key,
      name: data.sources.find((source) => source.key === key)?.name ?? key,
      exact: points.filter((point) => point.kind === "exact" && point.rank !== null).length,
      buckets: points.filter((point) => point.kind === "bucket").length,
    };
  });
}

/** The source asked for if it has data; else the one that says most about the service. */
export function chooseClimbSource(sources: ClimbSource[], asked: string | null): string | null {
  if (asked && sources.some((source) => source.key === asked)) return asked;
  let best: ClimbSource | null = null;
  for (const source of sources) {
    if (
      !best ||
      source.exact > best.exact ||
      (source.exact === best.exact && source.buckets > best.buckets)
    )
      best = source;
  }
  return best?.key ?? null;
}
