import { describe, expect, it } from "vitest";
import type { RankPageData, RankPoint, RankSeries } from "@/lib/rank/rank-page-types";
import {
  bestShown,
  climbMarkers,
  linesExtent,
  rankAxis,
  readingsAt,
  shownLines,
  toClimbLines,
  toClimbRows,
} from "./climb-chart-data";
import { sourceView } from "./rank-test-data";

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
  return {
    service: { name: "Stashbox", domain: "stashbox.test" },
    competitors: [
      { name: "Dropfile", domain: "dropfile.test" },
      { name: "Boxcloud", domain: "boxcloud.test" },
    ],
    sources: [sourceView("tranco", "Tranco"), sourceView("radar", "Cloudflare Radar")],
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
  it("draws one line per site from the source chosen: service first, in the configured order", () => {
    const data = page([
      rival("boxcloud.test", "tranco", [exact(0, 90)]),
      service("radar", [bucket(0, 1001, 5000)]),
      rival("dropfile.test", "tranco", [exact(0, 40)]),
      service("tranco", [exact(0, 900)]),
      rival("dropfile.test", "radar", [bucket(0, 1, 100)]),
    ]);
    const lines = toClimbLines(data, "tranco");
    expect(lines.map((l) => l.label)).toEqual(["Stashbox", "Dropfile", "Boxcloud"]);
    expect(lines.every((l) => l.source === "tranco" && l.sourceName === "Tranco")).toBe(true);
    expect(new Set(lines.map((l) => l.key)).size).toBe(3);
    // Keys are chart data keys: no dots that would read as a path.
    expect(lines.every((l) => /^[a-z0-9]+$/.test(l.key))).toBe(true);
    expect(toClimbLines(data, "radar").map((l) => l.label)).toEqual(["Stashbox", "Dropfile"]);
    expect(toClimbLines(data, null)).toEqual([]);
  });

  it("gives the service its strong colour and each competitor its own, whatever the source", () => {
    const data = page([
      service("tranco", [exact(0, 900)]),
      rival("boxcloud.test", "tranco", [exact(0, 90)]),
      rival("boxcloud.test", "radar", [exact(0, 80)]),
    ]);
    const [stashbox, boxcloud] = toClimbLines(data, "tranco");
    expect(stashbox!.color).toBe("var(--rank-service)");
    expect(boxcloud!.color).toBe("var(--rank-rival-2)");
    expect(toClimbLines(data, "radar")[0]!.color).toBe("var(--rank-rival-2)");
  });

  it("hides a competitor's line and shows it again; the service's always stays", () => {
    const lines = toClimbLines(
      page([
        service("tranco", [exact(0, 900)]),
        rival("dropfile.test", "tranco", [exact(0, 40)]),
        rival("boxcloud.test", "tranco", [exact(0, 90)]),
      ]),
      "tranco",
    );
    const off = shownLines(lines, ["dropfile.test", "stashbox.test"]);
    expect(off.map((l) => l.domain)).toEqual(["stashbox.test", "boxcloud.test"]);
    expect(shownLines(lines, [])).toHaveLength(3);
  });

  it("spans the samples drawn", () => {
    const lines = toClimbLines(
      page([
        service("tranco", [exact(3, 900), exact(5, 800)]),
        rival("dropfile.test", "tranco", [exact(4, 4)]),
      ]),
      "tranco",
    );
    expect(linesExtent(lines)).toEqual([t0 + 3 * DAY, t0 + 5 * DAY]);
    expect(linesExtent([])).toBeNull();
  });
});

describe("toClimbRows", () => {
  it("never joins two sites into one line, and draws the service's on top", () => {
    const lines = toClimbLines(
      page([
        service("tranco", [exact(0, 900), exact(1, 500)]),
        rival("dropfile.test", "tranco", [exact(0, 700), exact(1, 300)]),
      ]),
      "tranco",
    );
    const { rows, segments } = toClimbRows(lines, 1000, t0 + DAY);
    expect(segments.map((s) => s.service)).toEqual([false, true]);
    expect(new Set(segments.map((s) => s.lineKey)).size).toBe(2);
    const [rivalSegment, serviceSegment] = segments;
    expect(rows.map((r) => [r[serviceSegment!.key], r[rivalSegment!.key]])).toEqual([
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
      "tranco",
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
      "tranco",
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
      "tranco",
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
    const lines = toClimbLines(
      page([service("tranco", [exact(0, 40_000), exact(9, 141)])]),
      "tranco",
    );
    expect(rankAxis(lines)).toEqual({
      domain: [100, 50_000],
      ticks: [100, 1000, 10_000, 50_000],
    });
  });

  it("adds finer ticks over a narrow span and counts buckets by their bounds", () => {
    const lines = toClimbLines(
      page([
        service("tranco", [exact(0, 180), exact(1, 141)]),
        rival("dropfile.test", "tranco", [bucket(0, 101, 200)]),
      ]),
      "tranco",
    );
    expect(rankAxis(lines)).toEqual({ domain: [100, 200], ticks: [100, 150, 200] });
    expect(rankAxis(toClimbLines(page([service("tranco", [unranked(0)])]), "tranco"))).toBeNull();
  });

  it("never goes above rank 1", () => {
    const lines = toClimbLines(page([service("tranco", [exact(0, 1), exact(1, 3)])]), "tranco");
    expect(rankAxis(lines)!.domain[0]).toBe(1);
  });
});

describe("the tooltip and captions", () => {
  const lines = toClimbLines(
    page([
      service("tranco", [exact(0, 900), exact(2, 141)]),
      rival("boxcloud.test", "tranco", [bucket(1, 1001, 5000)]),
      rival("dropfile.test", "tranco", [exact(0, 40)]),
    ]),
    "tranco",
  );

  it("reads each line's newest sample at the moment, buckets said to be buckets", () => {
    expect(
      readingsAt(lines, t0 + DAY).map((r) => [r.label, r.text, r.bucket, r.service, r.asOf]),
    ).toEqual([
      ["Stashbox", "#900", false, true, t0],
      ["Dropfile", "#40", false, false, t0],
      ["Boxcloud", "top 5,000", true, false, null],
    ]);
  });

  it("finds the service's best place, not a competitor's", () => {
    expect(bestShown(lines)).toMatchObject({ rank: 141, at: at(2) });
  });

  it("marks the milestones of the source drawn and of none, on the line when exact", () => {
    const markers = climbMarkers(
      [
        { at: at(2), label: "Top 150", source: "tranco" },
        { at: at(1), label: "Top 5,000", source: "radar" },
        { at: at(1), label: "Press", source: null },
      ],
      lines,
      "tranco",
    );
    expect(markers.map((m) => [m.label, m.y])).toEqual([
      ["Top 150", 141],
      ["Press", 900],
    ]);
  });
});
