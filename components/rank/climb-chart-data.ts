// From GET /api/rank's series to the climb chart: one line per site from the source drawn,
// exact ranks as line segments broken wherever a sample is a bucket or unranked, buckets as bands
// that are never turned into a place, and a log axis that fits what is shown. Pure, so tested.
import type {
  ClimbMarker,
  ClimbReading,
  ClimbRow,
  ClimbSegment,
  ClimbWindow,
} from "@/components/charts/chart-rank-climb";
import { formatRank } from "@/lib/api-client/format";
import type { RankPageData, RankPoint } from "@/lib/rank/rank-page-types";

export type ClimbLine = {
  /** "l0", "l1"…: safe as a chart key (a domain's dots would read as a path). */
  key: string;
  source: string;
  sourceName: string;
  domain: string;
  siteName: string;
  isService: boolean;
  /** The site's name: one source is drawn at a time, so one line (and legend entry) per site. */
  label: string;
  /** The service's strong colour, or its competitor's muted one (the same on every source). */
  color: string;
  /** Oldest first. */
  points: RankPoint[];
};

export const RIVAL_COLOURS = 4;

type LineInput = Pick<RankPageData, "series" | "sources" | "service" | "competitors">;

/** Where `value` sits in `list`, unknown ones last. */
function orderIn<T>(list: T[], value: T): number {
  const index = list.indexOf(value);
  return index === -1 ? list.length : index;
}

/**
 * One line per site from `source`: the service's first, then each competitor's in the configured
 * order. A competitor keeps its colour whichever source is drawn.
 */
export function toClimbLines(data: LineInput, source: string | null): ClimbLine[] {
  const domains = [data.service.domain, ...data.competitors.map((c) => c.domain)];
  const siteNames = new Map([
    [data.service.domain, data.service.name],
    ...data.competitors.map((c) => [c.domain, c.name] as const),
  ]);
  const sourceName = data.sources.find((s) => s.key === source)?.name ?? source ?? "";
  const sorted = data.series
    .filter((series) => series.source === source)
    .sort(
      (a, b) =>
        Number(b.isService) - Number(a.isService) ||
        orderIn(domains, a.domain) - orderIn(domains, b.domain) ||
        a.domain.localeCompare(b.domain),
    );
  return sorted.map((series, i) => {
    const siteName = siteNames.get(series.domain) ?? series.domain;
    const rival = Math.max(0, orderIn(domains, series.domain) - 1);
    return {
      key: `l${i}`,
      source: series.source,
      sourceName,
      domain: series.domain,
      siteName,
      isService: series.isService,
      label: siteName,
      color: series.isService
        ? "var(--rank-service)"
        : `var(--rank-rival-${(rival % RIVAL_COLOURS) + 1})`,
      points: [...series.points].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)),
    };
  });
}

/** The service's line always; a competitor's unless its domain is hidden. */
export function shownLines(lines: ClimbLine[], hidden: string[]): ClimbLine[] {
  return lines.filter((line) => line.isService || !hidden.includes(line.domain));
}

/** The first and last sample of the lines (epoch ms), null without any. */
export function linesExtent(lines: ClimbLine[]): [number, number] | null {
  const times = lines.flatMap((line) => line.points.map((point) => Date.parse(point.at)));
  return times.length ? [Math.min(...times), Math.max(...times)] : null;
}

/** A bucket's [best, worst] on the axis; an open bucket (">200,000") reaches the axis' end. */
function bucketBand(point: RankPoint, axisEnd: number): [number, number] | null {
  if (point.kind !== "bucket") return null;
  const best = point.bucketMin ?? 1;
  const worst = point.bucketMax ?? Math.max(axisEnd, best);
  return point.bucketMin === null && point.bucketMax === null ? null : [best, worst];
}

/** 1, 2, 5, 10, 20, 50… */
function niceSteps(from: number, to: number, mantissas: number[]): number[] {
  const steps: number[] = [];
  for (let power = 1; power <= to * 10; power *= 10) {
    for (const m of mantissas) {
      const value = Math.round(m * power);
      if (value >= from && value <= to) steps.push(value);
    }
  }
  return steps;
}

/**
 * The rank axis: from the best to the worst rank shown (a bucket by its bounds, an open one by its
 * floor), widened to 1-2-5 values; ticks at powers of ten, finer when the span is narrow.
 */
export function rankAxis(lines: ClimbLine[]): { domain: [number, number]; ticks: number[] } | null {
  const values: number[] = [];
  for (const line of lines) {
    for (const point of line.points) {
      if (point.kind === "exact" && point.rank !== null) values.push(point.rank);
      if (point.kind === "bucket") {
        if (point.bucketMin !== null) values.push(point.bucketMin);
        if (point.bucketMax !== null) values.push(point.bucketMax);
      }
    }
  }
  if (!values.length) return null;
  const best = Math.max(1, Math.min(...values));
  const worst = Math.max(...values);
  const grid = niceSteps(1, worst * 10, [1, 2, 5]);
  const low = grid.filter((v) => v <= best).pop() ?? 1;
  let high = grid.find((v) => v >= worst) ?? worst;
  if (high === low) high = grid.find((v) => v > low) ?? low * 2;
  let ticks: number[] = [];
  for (const mantissas of [[1], [1, 2, 5], [1, 1.5, 2, 3, 5, 7]]) {
    ticks = niceSteps(low, high, mantissas);
    if (ticks.length >= 3) break;
  }
  // The axis' ends are labelled too, unless a tick sits close by.
  const apart = (a: number, b: number) => Math.abs(Math.log10(a / b)) >= 0.35;
  if (ticks.every((tick) => apart(tick, low))) ticks.unshift(low);
  if (ticks.every((tick) => apart(tick, high))) ticks.push(high);
  return { domain: [low, high], ticks };
}

function medianGap(times: number[]): number {
  const gaps = times.slice(1).map((t, i) => t - times[i]!);
  if (!gaps.length) return 0;
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)]!;
}

/**
 * The chart's rows and segments. A line's exact samples form one segment until a bucket or an
 * unranked sample breaks it; its buckets form bands, each holding until the next sample (the last
 * for the line's usual interval, not past `rangeEnd`). Keys are per line, so no two lines share one.
 */
export function toClimbRows(
  lines: ClimbLine[],
  axisEnd: number,
  rangeEnd: number,
): { rows: ClimbRow[]; segments: ClimbSegment[] } {
  const rows = new Map<number, ClimbRow>();
  const row = (t: number) => {
    let found = rows.get(t);
    if (!found) rows.set(t, (found = { t } as ClimbRow));
    return found;
  };
  const segments: ClimbSegment[] = [];

  for (const line of lines) {
    const times = line.points.map((point) => Date.parse(point.at));
    const hold = medianGap(times);
    let current: { segment: ClimbSegment; count: number; band: [number, number] | null } | null =
      null;
    const close = (end: number) => {
      if (current?.segment.kind === "bucket" && current.band && end > 0) {
        row(end)[current.segment.key] = current.band;
      }
      current = null;
    };
    const open = (kind: ClimbSegment["kind"]) => {
      const segment: ClimbSegment = {
        key: `${line.key}${kind === "exact" ? "x" : "b"}${segments.length}`,
        lineKey: line.key,
        kind,
        color: line.color,
        service: line.isService,
        single: false,
      };
      segments.push(segment);
      return { segment, count: 0, band: null };
    };

    line.points.forEach((point, i) => {
      const t = times[i]!;
      if (point.kind === "exact" && point.rank !== null) {
        if (current?.segment.kind !== "exact") {
          close(t);
          current = open("exact");
        }
        row(t)[current.segment.key] = point.rank;
        current.count += 1;
        current.segment.single = current.count === 1;
        return;
      }
      const band = bucketBand(point, axisEnd);
      if (band) {
        if (current?.segment.kind !== "bucket") {
          close(t);
          current = open("bucket");
        }
        row(t)[current.segment.key] = band;
        current.band = band;
        return;
      }
      // Unranked, or a bucket without bounds: a gap.
      close(t);
    });
    const lastTime = times[times.length - 1];
    if (lastTime !== undefined) close(Math.min(lastTime + hold, rangeEnd));
  }

  // The service's segments last, so its line is drawn on top of every competitor's.
  segments.sort((a, b) => Number(a.service) - Number(b.service));
  return { rows: [...rows.values()].sort((a, b) => a.t - b.t), segments };
}

/** The newest sample of `line` at or before `t`, or null before its first. */
export function pointAt(line: ClimbLine, t: number): RankPoint | null {
  let found: RankPoint | null = null;
  for (const point of line.points) {
    if (Date.parse(point.at) > t) break;
    found = point;
  }
  return found;
}

/** What each shown line stood at, at `t`: "#141", "top 5,000" (a bucket, said so), "unranked". */
export function readingsAt(lines: ClimbLine[], t: number): ClimbReading[] {
  const readings: ClimbReading[] = [];
  for (const line of lines) {
    const point = pointAt(line, t);
    if (!point) continue;
    const at = Date.parse(point.at);
    readings.push({
      lineKey: line.key,
      label: line.label,
      color: line.color,
      service: line.isService,
      text: formatRank(point),
      bucket: point.kind === "bucket",
      asOf: at === t ? null : at,
    });
  }
  return readings;
}

/** The service's best exact rank among the lines, and on which source and when. */
export function bestShown(
  lines: ClimbLine[],
): { rank: number; at: string; line: ClimbLine } | null {
  let best: { rank: number; at: string; line: ClimbLine } | null = null;
  for (const line of lines) {
    if (!line.isService) continue;
    for (const point of line.points) {
      if (point.kind !== "exact" || point.rank === null) continue;
      if (!best || point.rank < best.rank) best = { rank: point.rank, at: point.at, line };
    }
  }
  return best;
}

/**
 * Milestones as marked moments: those of the source drawn and those of no source (a milestone
 * of another source belongs to that source's chart, and the list under it). One sits as a dot on
 * the service's line when an exact rank was known then.
 */
export function climbMarkers(
  markers: RankPageData["markers"],
  lines: ClimbLine[],
  source: string | null,
): ClimbMarker[] {
  const line = lines.find((l) => l.isService);
  return markers
    .filter((marker) => marker.source === null || marker.source === source)
    .map((marker) => {
      const t = Date.parse(marker.at);
      const point = line ? pointAt(line, t) : null;
      return { t, label: marker.label, y: point?.kind === "exact" ? point.rank : null };
    });
}

/** Outage windows; one still going is shaded up to `end`. */
export function climbWindows(outages: RankPageData["outages"], end: string): ClimbWindow[] {
  return outages.map((outage) => ({
    from: Date.parse(outage.from),
    to: Date.parse(outage.to ?? end),
    label: outage.label ? `Outage: ${outage.label}` : "Outage",
  }));
}
