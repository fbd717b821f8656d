// Rank samples, rank milestones and the Rank page's answer, against a real PostgreSQL.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseConfig, type LoadedConfig } from "@/lib/config";
import { ValidationError } from "@/lib/errors";
import { recordRankMilestones } from "@/lib/milestones/record-rank-milestones";
import { readRankPage } from "@/lib/rank/queries/read-rank-page";
import type { RankReading } from "@/lib/rank/rank-types";
import { recordRankReadings } from "@/lib/rank/record-ranks";
import { syncConfig } from "@/lib/setup/sync-config";
import { createTestDatabase, type TestDatabase } from "../support/database";

let database: TestDatabase;
let config: LoadedConfig;
const day = (n: number) => new Date(Date.UTC(2026, 0, 20 + n));
const reading = (
  n: number,
  value: RankReading["value"],
  domain = "stashbox.test",
  scope = "global",
): RankReading => ({ domain, scope, at: day(n), value });

beforeAll(async () => {
  database = await createTestDatabase();
  config = parseConfig(
    `service: { name: Stashbox, domain: stashbox.test }
competitors: [{ name: Dropfile, domain: dropfile.test }]
sources:
  ranks:
    - { kind: tranco, key: tranco, name: Tranco, listUrl: "http://127.0.0.1:1/top-1m.csv.zip" }
    - { kind: cloudflare-radar, key: radar, baseUrl: "http://127.0.0.1:1", tokenEnv: RADAR_TOKEN }
milestones:
  - { kind: rank, key: top, source: tranco, atMost: [1000, 150] }
  - { kind: best-rank, key: best, source: tranco }
  - { kind: country-first, key: first, source: radar }`,
    "t.yaml",
  );
  await syncConfig(database.db, config);
});
afterAll(() => database?.drop());
beforeEach(async () => {
  await database.db.$executeRawUnsafe(`TRUNCATE rank_sample, milestone, job_run CASCADE`);
});

const samples = () =>
  database.db.rankSample.findMany({
    orderBy: [{ at: "asc" }, { scope: "asc" }],
    select: {
      source: true,
      scope: true,
      at: true,
      kind: true,
      rank: true,
      bucketMin: true,
      bucketMax: true,
    },
  });

describe("recording rank readings", () => {
  it("stores exact, bucket and unranked readings, each as what it is", async () => {
    const result = await recordRankReadings(database.db, "radar", [
      reading(0, { kind: "unranked" }),
      reading(1, { kind: "bucket", min: 2001, max: 5000 }),
      reading(2, { kind: "bucket", min: 200_001, max: null }, "dropfile.test"),
      reading(3, { kind: "exact", rank: 98 }),
      reading(3, { kind: "exact", rank: 1 }, "stashbox.test", "NZ"),
    ]);
    expect(result).toEqual({ inserted: 5, updated: 0, unchanged: 0 });
    expect(await samples()).toEqual([
      {
        source: "radar",
        scope: "global",
        at: day(0),
        kind: "unranked",
        rank: null,
        bucketMin: null,
        bucketMax: null,
      },
      {
        source: "radar",
        scope: "global",
        at: day(1),
        kind: "bucket",
        rank: null,
        bucketMin: 2001,
        bucketMax: 5000,
      },
      {
        source: "radar",
        scope: "global",
        at: day(2),
        kind: "bucket",
        rank: null,
        bucketMin: 200_001,
        bucketMax: null,
      },
      {
        source: "radar",
        scope: "NZ",
        at: day(3),
        kind: "exact",
        rank: 1,
        bucketMin: null,
        bucketMax: null,
      },
      {
        source: "radar",
        scope: "global",
        at: day(3),
        kind: "exact",
        rank: 98,
        bucketMin: null,
        bucketMax: null,
      },
    ]);
  });

  it("stores a repeated run once, and a corrected reading in place", async () => {
    const run = [
      reading(0, { kind: "exact", rank: 900 }),
      reading(1, { kind: "exact", rank: 700 }),
    ];
    await recordRankReadings(database.db, "tranco", run);
    expect(await recordRankReadings(database.db, "tranco", run)).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 2,
    });
    const corrected = await recordRankReadings(database.db, "tranco", [
      reading(1, { kind: "bucket", min: 501, max: 1000 }),
    ]);
    expect(corrected).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    expect((await samples()).map((s) => [s.kind, s.rank, s.bucketMax])).toEqual([
      ["exact", 900, null],
      ["bucket", null, 1000],
    ]);
  });

  it("keeps each change within a day, not each repeat, and the Rank page charts both", async () => {
    const at = (time: string) => new Date(`2026-01-20T${time}Z`);
    const api = (time: string, rank: number): RankReading => ({
      domain: "stashbox.test",
      scope: "global",
      at: at(time),
      value: { kind: "exact", rank },
    });
    await recordRankReadings(database.db, "tranco", [api("09:00:00", 4100)]);
    expect(await recordRankReadings(database.db, "tranco", [api("10:00:00", 4100)])).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 1,
    });
    await recordRankReadings(database.db, "tranco", [api("14:05:00", 3)]);
    // In one batch too: the repeat after the climb says nothing new; the fall after it does.
    const batch = [api("15:00:00", 3), api("16:00:00", 7), api("23:59:59.999", 7)];
    expect(await recordRankReadings(database.db, "tranco", batch)).toEqual({
      inserted: 1,
      updated: 0,
      unchanged: 2,
    });
    // A new day starts its own history, even with the same rank.
    await recordRankReadings(database.db, "tranco", [
      { ...api("00:00:00", 7), at: new Date("2026-01-21T00:30:00Z") },
    ]);
    expect((await samples()).map((s) => [s.at.toISOString(), s.rank])).toEqual([
      ["2026-01-20T09:00:00.000Z", 4100],
      ["2026-01-20T14:05:00.000Z", 3],
      ["2026-01-20T16:00:00.000Z", 7],
      ["2026-01-21T00:30:00.000Z", 7],
    ]);

    const page = await readRankPage(database.db, config, new URLSearchParams("range=7d"));
    const [series] = page.series;
    expect(series!.points.map((p) => [p.at, p.rank])).toEqual([
      ["2026-01-20T09:00:00.000Z", 4100],
      ["2026-01-20T14:05:00.000Z", 3],
      ["2026-01-20T16:00:00.000Z", 7],
      ["2026-01-21T00:30:00.000Z", 7],
    ]);
    expect(page.standings[0]!.best).toEqual({ rank: 3, at: "2026-01-20T14:05:00.000Z" });
  });

  it("keeps two sources' series apart at the same moment", async () => {
    await recordRankReadings(database.db, "tranco", [reading(0, { kind: "exact", rank: 1264 })]);
    await recordRankReadings(database.db, "radar", [reading(0, { kind: "exact", rank: 16_323 })]);
    expect((await samples()).map((s) => [s.source, s.rank])).toEqual([
      ["tranco", 1264],
      ["radar", 16_323],
    ]);
  });

  it.each([
    [
      "a rank of 0",
      reading(1, { kind: "exact", rank: 0 }),
      /exact rank must be a whole number from 1, found 0/,
    ],
    ["a fractional rank", reading(1, { kind: "exact", rank: 1.5 }), /found 1.5/],
    [
      "an inverted bucket",
      reading(1, { kind: "bucket", min: 500, max: 200 }),
      /at least its start \(500\), found 200/,
    ],
    [
      "an untracked domain",
      reading(1, { kind: "exact", rank: 5 }, "other.test"),
      /other.test is not a tracked site/,
    ],
    [
      "a bad scope",
      reading(1, { kind: "exact", rank: 5 }, "stashbox.test", "nz"),
      /scope must be "global" or a two-letter/,
    ],
    [
      "a future date",
      { ...reading(1, { kind: "exact", rank: 5 }), at: new Date(Date.now() + 86_400_000) },
      /is in the future/,
    ],
  ])("refuses the whole batch for %s and keeps what was stored", async (_, bad, message) => {
    await recordRankReadings(database.db, "tranco", [reading(0, { kind: "exact", rank: 900 })]);
    const attempt = recordRankReadings(database.db, "tranco", [
      reading(2, { kind: "exact", rank: 800 }),
      bad,
    ]);
    await expect(attempt).rejects.toThrow(ValidationError);
    await expect(attempt).rejects.toThrow(message);
    expect((await samples()).map((s) => s.rank)).toEqual([900]);
  });
});

describe("rank milestones", () => {
  it("records entered-top-N, new bests and #1 in a country once, however often they are evaluated", async () => {
    await recordRankReadings(database.db, "tranco", [
      reading(0, { kind: "exact", rank: 4000 }),
      reading(1, { kind: "exact", rank: 900 }),
      reading(2, { kind: "exact", rank: 141 }),
      reading(2, { kind: "exact", rank: 80 }, "dropfile.test"),
    ]);
    await recordRankReadings(database.db, "radar", [
      reading(2, { kind: "exact", rank: 1 }, "stashbox.test", "NZ"),
    ]);
    // One milestone per reading: 900 is a new best and a top 1,000, told as the top 1,000.
    expect(await recordRankMilestones(database.db, config)).toBe(3);
    expect(await recordRankMilestones(database.db, config)).toBe(0);
    const milestones = await database.db.milestone.findMany({
      orderBy: [{ metAt: "asc" }, { key: "asc" }],
    });
    expect(milestones.map((m) => [m.key, m.metAt, m.value])).toEqual([
      ["top:tranco:global:top-1000", day(1), 900],
      ["first:radar:NZ", day(2), 1],
      ["top:tranco:global:top-150", day(2), 141],
    ]);
  });
});

describe("the Rank page's answer", () => {
  it("gives per-source series, standings with changes, countries, markers and freshness", async () => {
    const climb = [5000, 3000, 2000, 1500, 1200, 1000, 900, 600, 141];
    await recordRankReadings(
      database.db,
      "tranco",
      climb.map((rank, n) => reading(n, { kind: "exact", rank })),
    );
    await recordRankReadings(database.db, "tranco", [
      reading(8, { kind: "exact", rank: 80 }, "dropfile.test"),
    ]);
    await recordRankReadings(database.db, "radar", [
      reading(7, { kind: "bucket", min: 2001, max: 5000 }),
      reading(8, { kind: "bucket", min: 501, max: 1000 }),
      reading(8, { kind: "exact", rank: 1 }, "stashbox.test", "NZ"),
      reading(1, { kind: "exact", rank: 40 }, "stashbox.test", "NZ"),
    ]);
    await recordRankMilestones(database.db, config);
    await database.db.jobRun.create({
      data: {
        job: "ingest-ranks",
        worker: "t",
        outcome: "failed",
        endedAt: new Date(),
        error: "radar: HTTP 503\nother: x",
      },
    });

    const page = await readRankPage(database.db, config, new URLSearchParams("range=7d"));
    expect(page.from).toBe(day(1).toISOString());
    expect(page.to).toBe(day(8).toISOString());
    expect(page.series.map((s) => [s.source, s.domain, s.points.length])).toEqual([
      ["radar", "stashbox.test", 2],
      ["tranco", "stashbox.test", 8],
      ["tranco", "dropfile.test", 1],
    ]);
    expect(page.series[0]!.points[0]).toMatchObject({
      kind: "bucket",
      rank: null,
      bucketMin: 2001,
      bucketMax: 5000,
    });
    const tranco = page.standings.find((s) => s.source === "tranco")!;
    expect(tranco.latest).toMatchObject({ kind: "exact", rank: 141 });
    expect(tranco.best).toEqual({ rank: 141, at: day(8).toISOString() });
    expect(tranco.change24h).toBe(600 - 141);
    expect(tranco.change7d).toBe(3000 - 141); // day 1, seven days before day 8
    const radar = page.standings.find((s) => s.source === "radar")!;
    expect(radar).toMatchObject({ best: null, change24h: null });
    expect(page.countries).toEqual([
      expect.objectContaining({
        scope: "NZ",
        country: "New Zealand",
        source: "radar",
        change7d: 39,
        best: { rank: 1, at: day(8).toISOString() },
      }),
    ]);
    expect(page.markers.map((m) => m.label)).toEqual(
      expect.arrayContaining([
        "Top 1,000 worldwide (Tranco)",
        "Top 150 worldwide (Tranco)",
        "#1 in New Zealand (radar)",
      ]),
    );
    expect(page.sources).toEqual([
      expect.objectContaining({
        key: "tranco",
        name: "Tranco",
        latestSampleAt: day(8).toISOString(),
        lastError: null,
      }),
      expect.objectContaining({ key: "radar", name: "radar", lastError: "radar: HTTP 503" }),
    ]);
  });

  it("is empty, not failing, before any rank arrives, and names a bad range", async () => {
    const page = await readRankPage(database.db, config, new URLSearchParams());
    expect(page).toMatchObject({
      range: "30d",
      from: null,
      series: [],
      standings: [],
      countries: [],
    });
    await expect(
      readRankPage(database.db, config, new URLSearchParams("range=2y")),
    ).rejects.toThrow(/range/);
  });
});
