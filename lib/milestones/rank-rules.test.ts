import { describe, expect, it } from "vitest";
import { detectRankMilestones, type RankRule, type ServiceRankSample } from "./rank-rules";

const day = (n: number) => new Date(Date.UTC(2026, 0, 20 + n));
const exact = (
  n: number,
  rank: number,
  scope = "global",
  source = "tranco",
): ServiceRankSample => ({
  source,
  scope,
  at: day(n),
  kind: "exact",
  rank,
  bucketMin: null,
  bucketMax: null,
});
const bucket = (n: number, max: number | null, source = "cloudflare"): ServiceRankSample => ({
  source,
  scope: "global",
  at: day(n),
  kind: "bucket",
  rank: null,
  bucketMin: max === null ? 200_001 : Math.floor(max / 2) + 1,
  bucketMax: max,
});

const top: RankRule = {
  kind: "rank",
  key: "global-rank",
  source: "tranco",
  scope: "global",
  atMost: [1000, 500, 150],
};

describe("entered the top N", () => {
  it("finds the first sample at or under each threshold, in time order whatever the input order", () => {
    const samples = [exact(3, 140), exact(0, 5000), exact(2, 480), exact(1, 900)];
    const events = detectRankMilestones([top], samples);
    expect(events.map((e) => [e.key, e.metAt.toISOString(), e.value])).toEqual([
      ["global-rank:tranco:global:top-1000", day(1).toISOString(), 900],
      ["global-rank:tranco:global:top-500", day(2).toISOString(), 480],
      ["global-rank:tranco:global:top-150", day(3).toISOString(), 140],
    ]);
    expect(events[0]!.details).toMatchObject({
      label: "Top 1,000 worldwide (tranco)",
      alreadyMetWhenFirstSeen: false,
    });
  });

  it("counts a closed bucket by its worst rank, never an open one or an unranked sample", () => {
    const rule: RankRule = { ...top, source: "cloudflare", atMost: [5000, 200] };
    const samples = [
      bucket(0, null),
      { ...bucket(1, null), kind: "unranked" as const },
      bucket(2, 5000),
      bucket(3, 500),
    ];
    const events = detectRankMilestones(
      [rule],
      samples,
      new Map([["cloudflare", "Cloudflare Radar"]]),
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ value: 5000, metAt: day(2) });
    expect(events[0]!.details).toMatchObject({
      exact: false,
      bucketMin: 2501,
      bucketMax: 5000,
      label: "Top 5,000 worldwide (Cloudflare Radar)",
    });
  });

  it("dates a milestone by the reading that met it, to the millisecond, not its day", () => {
    const rule: RankRule = { ...top, source: "cloudflare", atMost: [200] };
    const morning = { ...bucket(1, null), at: new Date("2026-01-21T10:00:00.000Z") };
    const afternoon = { ...bucket(1, 200), at: new Date("2026-01-21T14:05:09.123Z") };
    const [event] = detectRankMilestones([rule], [afternoon, morning]);
    expect(event!.metAt).toEqual(afternoon.at);
    // The series' first reading (the morning's ">200,000") did not meet it: this is news.
    expect(event!.details.alreadyMetWhenFirstSeen).toBe(false);
  });

  it("reads only its own source and scope", () => {
    const samples = [exact(0, 100, "global", "alexa"), exact(0, 90, "NZ")];
    expect(detectRankMilestones([top], samples)).toEqual([]);
  });

  it("marks a threshold the very first sample already met", () => {
    const [event] = detectRankMilestones([{ ...top, atMost: [1000] }], [exact(0, 800)]);
    expect(event!.details.alreadyMetWhenFirstSeen).toBe(true);
  });
});

describe("new best rank", () => {
  const best: RankRule = { kind: "best-rank", key: "best", source: "tranco" };
  it("records each improvement after the first exact rank, not ties or falls", () => {
    const samples = [
      exact(0, 900),
      exact(1, 700),
      exact(2, 700),
      exact(3, 800),
      exact(4, 141),
      bucket(5, 100, "tranco"),
    ];
    const events = detectRankMilestones([best], samples);
    expect(events.map((e) => [e.key, e.value, e.details.previousBest])).toEqual([
      ["best:tranco:700", 700, 900],
      ["best:tranco:141", 141, 700],
    ]);
  });

  it("with atMost, records only new bests at or under it, each against the best before it", () => {
    const samples = [exact(0, 90_000), exact(1, 4_000), exact(2, 190), exact(3, 150)];
    const events = detectRankMilestones([{ ...best, atMost: 200 }], samples);
    expect(events.map((e) => [e.value, e.details.previousBest])).toEqual([
      [190, 4_000],
      [150, 190],
    ]);
  });
});

describe("one milestone per reading", () => {
  it("tells a reading that enters several tops and is a new best once, as the tightest top", () => {
    const rules: RankRule[] = [
      { kind: "rank", key: "top", source: "tranco", scope: "global", atMost: [1000, 500, 200] },
      { kind: "best-rank", key: "best", source: "tranco" },
    ];
    const events = detectRankMilestones(rules, [exact(0, 1500), exact(1, 186), exact(2, 150)]);
    expect(events.map((e) => e.key)).toEqual(["top:tranco:global:top-200", "best:tranco:150"]);
  });
});

describe("#1 in a country", () => {
  const first: RankRule = { kind: "country-first", key: "first", source: "tranco" };
  it("records the first #1 per country, once", () => {
    const samples = [
      exact(0, 2, "NZ"),
      exact(1, 1, "NZ"),
      exact(2, 1, "NZ"),
      exact(3, 1, "AU"),
      exact(3, 1),
    ];
    const events = detectRankMilestones([first], samples);
    expect(events.map((e) => [e.key, e.metAt.toISOString(), e.details.label])).toEqual([
      ["first:tranco:NZ", day(1).toISOString(), "#1 in New Zealand (tranco)"],
      ["first:tranco:AU", day(3).toISOString(), "#1 in Australia (tranco)"],
    ]);
  });

  it("keeps to the listed countries", () => {
    const samples = [exact(1, 1, "NZ"), exact(3, 1, "AU")];
    const events = detectRankMilestones([{ ...first, countries: ["AU"] }], samples);
    expect(events.map((e) => e.details.scope)).toEqual(["AU"]);
  });
});
