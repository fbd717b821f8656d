import { describe, expect, it } from "vitest";
import type { RankPageData, RankPoint, RankSeries } from "@/lib/rank/rank-page-types";
import {
  bestShown,
  climbMarkers,
  rankAxis,
  readingsAt,
  shownLines,
  toClimbLines,
  toClimbRows,
} from "./climb-chart-data";

const DAY = 86_400_000;
const t0 = Date.parse("2026-03-01T00:00:00Z");
const at = (day: number) => new Date(t0 + day * DAY).toISOString();
const exact = (day: number, rank: number): RankPoint => ({
  at: at(day),
  kind: "exact",
  rank,
  bucketMin: null,
  bucketMax: null,
});
const bucket = (day: number, min: number, max: number | null): RankPoint => ({
  at: at(day),
  kind: "bucket",
  rank: null,
  bucketMin: min,
  bucketMax: max,
});
const unranked = (day: number): RankPoint => ({
  at: at(day),
  kind: "unranked",
  rank: null,
  bucketMin: null,
  bucketMax: null,
});

function page(
  series: RankSeries[],
): Pick<RankPageData, "series" | "sources" | "service" | "competitors"> {
  const source = (key: string, name: string) => ({
    key,
    name,
    kind: key,
    latestSampleAt: null,
    lastRunAt: null,
    lastError: null,
  });
  return {
    service: { name: "Stashbox", domain: "stashbox.test" },
    competitors: [
      { name: "Dropfile", domain: "dropfile.test" },
      { name: "Boxcloud", domain: "boxcloud.test" },
    ],
    sources: [source("tranco", "Tranco"), source("radar", "Cloudflare Radar")],
    series,
  };
}

const service = (source: string, points: RankPoint[]): RankSeries => ({
  source,
  domain: "stashbox.test",
  isService: true,
  points,
});
const rival = (domain: string, source: string, points: RankPoint[]): RankSeries => ({
  source,
  domain,
  isService: false,
  points,
});

describe("toClimbLines", () => {
  it("keeps every site and source its own line: service first, in the configured order", () => {
    const lines = toClimbLines(
      page([
        rival("boxcloud.test", "tranco", [exact(0, 90)]),
        service("radar", [bucket(0, 1001, 5000)]),
        rival("dropfile.test", "tranco", [exact(0, 40)]),
        service("tranco", [exact(0, 900)]),
      ]),
    );
    expect(lines.map((l) => l.label)).toEqual([
      "Stashbox · Tranco",
      "Stashbox · Cloudflare Radar",
      "Dropfile · Tranco",
      "Boxcloud · Tranco",
    ]);
    expect(new Set(lines.map((l) => l.key)).size).toBe(4);
    expect(new Set(lines.map((l) => l.color)).size).toBe(4);
    // Keys are chart data keys: no dots that would read as a path.
    expect(lines.every((l) => /^[a-z0-9]+$/.test(l.key))).toBe(true);
  });

  it("hides a competitor's lines and shows them again; the service's always stay", () => {
    const lines = toClimbLines(
      page([
        service("tranco", [exact(0, 900)]),
        rival("dropfile.test", "tranco", [exact(0, 40)]),
        rival("dropfile.test", "radar", [bucket(0, 1, 200)]),
        rival("boxcloud.test", "tranco", [exact(0, 90)]),
      ]),
    );
    const off = shownLines(lines, ["dropfile.test", "stashbox.test"]);
    expect(off.map((l) => l.domain)).toEqual(["stashbox.test", "boxcloud.test"]);
    expect(shownLines(lines, [])).toHaveLength(4);
  });
});

describe("toClimbRows", () => {
  it("never joins two sources into one line, even at the same moments", () => {
    const lines = toClimbLines(
      page([
        service("tranco", [exact(0, 900), exact(1, 500)]),
        service("radar", [exact(0, 700), exact(1, 300)]),
      ]),
    );
    const { rows, segments } = toClimbRows(lines, 1000, t0 + DAY);
    expect(segments).toHaveLength(2);
    expect(new Set(segments.map((s) => s.lineKey)).size).toBe(2);
    const [a, b] = segments;
    expect(rows.map((r) => [r[a!.key], r[b!.key]])).toEqual([
      [900, 700],
      [500, 300],
    ]);
  });

  it("draws every reading of one day at its own time: a climb from 4,100 to 3 by the afternoon", () => {
    const within = (day: number, hours: number, rank: number): RankPoint => ({
      ...exact(day, rank),
      at: new Date(t0 + day * DAY + hours * 3_600_000).toISOString(),
    });
    const lines = toClimbLines(
      page([service("tranco", [within(1, 14.1, 3), exact(0, 5000), within(1, 9, 4100)])]),
    );
    const { rows, segments } = toClimbRows(lines, 10_000, t0 + 2 * DAY);
    expect(segments).toHaveLength(1);
    expect(rows.map((r) => [new Date(r.t).toISOString(), r[segments[0]!.key]])).toEqual([
      ["2026-03-01T00:00:00.000Z", 5000],
      ["2026-03-02T09:00:00.000Z", 4100],
      ["2026-03-02T14:06:00.000Z", 3],
    ]);
    expect(readingsAt(lines, t0 + DAY + 12 * 3_600_000)[0]!.text).toBe("#4,100");
    expect(bestShown(lines)!.rank).toBe(3);
  });

  it("never turns a bucket into an exact point: it is a band, and breaks the line", () => {
    const lines = toClimbLines(
      page([service("tranco", [exact(0, 6000), bucket(1, 1001, 5000), exact(2, 900)])]),
    );
    const { rows, segments } = toClimbRows(lines, 10_000, t0 + 2 * DAY);
    expect(segments.map((s) => s.kind)).toEqual(["exact", "bucket", "exact"]);
    const [before, band, after] = segments;
    // No exact value anywhere in the bucket's day, only the band's bounds.
    const day1 = rows.find((r) => r.t === t0 + DAY)!;
    expect(day1[before!.key]).toBeUndefined();
    expect(day1[after!.key]).toBeUndefined();
    expect(day1[band!.key]).toEqual([1001, 5000]);
    // The band holds until the next sample, then the line starts afresh.
    const day2 = rows.find((r) => r.t === t0 + 2 * DAY)!;
    expect(day2[band!.key]).toEqual([1001, 5000]);
    expect(day2[after!.key]).toBe(900);
    for (const row of rows) {
      for (const segment of segments.filter((s) => s.kind === "exact")) {
        const value = row[segment.key];
        expect(value === undefined || typeof value === "number").toBe(true);
      }
    }
    expect(segments[0]!.single && segments[2]!.single).toBe(true);
  });

  it("reaches an open bucket down to the axis' end and leaves unranked samples as gaps", () => {
    const lines = toClimbLines(
      page([service("tranco", [bucket(0, 200_001, null), unranked(1), exact(2, 150_000)])]),
    );
    const { rows, segments } = toClimbRows(lines, 500_000, t0 + 2 * DAY);
    expect(rows[0]![segments[0]!.key]).toEqual([200_001, 500_000]);
    // The band stops at the unranked sample; nothing is drawn for it.
    const day1 = rows.find((r) => r.t === t0 + DAY)!;
    expect(Object.keys(day1)).toEqual(["t", segments[0]!.key]);
    expect(segments.map((s) => s.kind)).toEqual(["bucket", "exact"]);
  });
});

describe("rankAxis", () => {
  it("fits the ranks shown on 1-2-5 bounds with ticks at powers of ten and at its ends", () => {
    const lines = toClimbLines(page([service("tranco", [exact(0, 40_000), exact(9, 141)])]));
    expect(rankAxis(lines)).toEqual({
      domain: [100, 50_000],
      ticks: [100, 1000, 10_000, 50_000],
    });
  });

  it("adds finer ticks over a narrow span and counts buckets by their bounds", () => {
    const lines = toClimbLines(
      page([
        service("tranco", [exact(0, 180), exact(1, 141)]),
        service("radar", [bucket(0, 101, 200)]),
      ]),
    );
    expect(rankAxis(lines)).toEqual({ domain: [100, 200], ticks: [100, 150, 200] });
    expect(rankAxis(toClimbLines(page([service("tranco", [unranked(0)])])))).toBeNull();
  });

  it("never goes above rank 1", () => {
    const lines = toClimbLines(page([service("tranco", [exact(0, 1), exact(1, 3)])]));
    expect(rankAxis(lines)!.domain[0]).toBe(1);
  });
});

describe("the tooltip and captions", () => {
  const lines = toClimbLines(
    page([
      service("tranco", [exact(0, 900), exact(2, 141)]),
      service("radar", [bucket(1, 1001, 5000)]),
      rival("dropfile.test", "tranco", [exact(0, 40)]),
    ]),
  );

  it("reads each line's newest sample at the moment, buckets as buckets", () => {
    expect(readingsAt(lines, t0 + DAY).map((r) => [r.label, r.text, r.asOf])).toEqual([
      ["Stashbox · Tranco", "#900", t0],
      ["Stashbox · Cloudflare Radar", "top 5,000", null],
      ["Dropfile · Tranco", "#40", t0],
    ]);
  });

  it("finds the service's best place, not a competitor's", () => {
    expect(bestShown(lines)).toMatchObject({ rank: 141, at: at(2) });
  });

  it("puts a source's milestone on that source's line when its rank was exact", () => {
    const markers = climbMarkers(
      [
        { at: at(2), label: "Top 150", source: "tranco" },
        { at: at(1), label: "Top 5,000", source: "radar" },
        { at: at(1), label: "Press", source: null },
      ],
      lines,
    );
    expect(markers.map((m) => m.y)).toEqual([141, null, null]);
  });
});
