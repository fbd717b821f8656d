// A Cloudflare Radar bucket through the whole path, against a real PostgreSQL and local HTTP
// servers: Radar answers ">200000" in the morning and "200" (ranks 101 to 200) that afternoon;
// both readings are kept, the milestone is dated by the afternoon's reading and is news (the
// series' first reading did not meet it), its posts say "top 200" and reach a webhook as sent,
// and the Rank page and the Overview's standings tell the bucket as a range, never "#200".
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { formatRank } from "@/lib/api-client/format";
import { type LoadedConfig, parseConfig } from "@/lib/config";
import { detectAndRecordMilestones } from "@/lib/milestones/detect-milestones";
import { getRankStandings } from "@/lib/rank/queries/get-rank-standings";
import { readRankPage } from "@/lib/rank/queries/read-rank-page";
import { recordRankReadings } from "@/lib/rank/record-ranks";
import { readRankSource } from "@/lib/rank/sources";
import { syncConfig } from "@/lib/setup/sync-config";
import { sendDuePosts } from "@/lib/social/send-posts";
import { startFakeWebhook, type FakeWebhook } from "@/tests/fakes";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { startHttpServer } from "../support/http-server";

const DAY = 86_400_000;
// Yesterday (UTC), so no reading is dated in the future whatever the clock says.
const yesterday = Math.floor(Date.now() / DAY) * DAY - DAY;
const morning = new Date(yesterday + 10 * 3_600_000);
const afternoon = new Date(yesterday + 14 * 3_600_000 + 5 * 60_000);

let database: TestDatabase;
let hook: FakeWebhook;
let radar: Awaited<ReturnType<typeof startHttpServer>>;
let config: LoadedConfig;
/** What the fake Radar says of mega.test: its bucket, as Radar's API writes it. */
let bucket = ">200000";

beforeAll(async () => {
  vi.stubEnv("RADAR_TEST_TOKEN", "radar-token");
  [database, hook] = await Promise.all([createTestDatabase(), startFakeWebhook()]);
  vi.stubEnv("HOOK_URL", hook.url);
  radar = await startHttpServer({
    "/radar/ranking/domain/mega.test": (_request, response) => {
      const result = {
        details_0: { bucket, top_locations: [] },
        // Radar names the day of data it ranked: the whole of yesterday, whatever the hour.
        meta: {
          dateRange: [
            {
              startTime: new Date(yesterday).toISOString(),
              endTime: new Date(yesterday + DAY).toISOString(),
            },
          ],
        },
      };
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ success: true, errors: [], messages: [], result }));
    },
  });
  config = parseConfig(
    `service: { name: Mega, domain: mega.test }
sources:
  ranks:
    - { kind: cloudflare-radar, key: cloudflare, name: Cloudflare Radar, baseUrl: "${radar.url}", tokenEnv: RADAR_TEST_TOKEN }
milestones:
  - { kind: rank, key: radar-top, source: cloudflare, atMost: [1000, 200] }
channels:
  - { kind: webhook, key: hook, mode: auto, urlEnv: HOOK_URL }
  - kind: webhook
    key: custom
    mode: auto
    urlEnv: HOOK_URL
    templates: { radar-top: "{service} is in {source}'s top {threshold}: {standing} {where}" }`,
    "radar-bucket.yaml",
  );
  await syncConfig(database.db, config);
});
afterAll(async () => {
  await Promise.all([radar?.close(), hook?.close()]);
  await database?.drop();
  vi.unstubAllEnvs();
});

/** One run of the ingest at `now`: read Radar, store, then the milestone rules. */
async function ingestAt(now: Date) {
  const [source] = config.sources.ranks;
  const readings = await readRankSource(source!, {
    domains: ["mega.test"],
    signal: new AbortController().signal,
    now,
  });
  await recordRankReadings(database.db, source!.key, readings);
  return detectAndRecordMilestones(database.db, config, { now: new Date(+now + 30_000) });
}

describe("a Radar bucket", () => {
  it("reaches the posts, the Rank page and the Overview as a range, dated by its reading", async () => {
    expect((await ingestAt(morning)).milestones).toBe(0); // ">200,000" meets no "top N"
    bucket = "200";
    // One reading entering the top 1,000 and the top 200 at once is told once, as the top 200.
    expect(await ingestAt(afternoon)).toMatchObject({ milestones: 1, posts: 2, failedPosts: 0 });

    // Both readings of the day are kept, each at its own time.
    const samples = await database.db.rankSample.findMany({ orderBy: { at: "asc" } });
    expect(samples.map((s) => [s.at, s.kind, s.bucketMin, s.bucketMax])).toEqual([
      [morning, "bucket", 200_001, null],
      [afternoon, "bucket", 101, 200],
    ]);

    const milestones = await database.db.milestone.findMany({ orderBy: { key: "asc" } });
    expect(milestones.map((m) => [m.key, m.metAt, m.value])).toEqual([
      ["radar-top:cloudflare:global:top-200", afternoon, 200],
    ]);
    for (const milestone of milestones) {
      expect(milestone.details).toMatchObject({
        exact: false,
        bucketMin: 101,
        bucketMax: 200,
        alreadyMetWhenFirstSeen: false,
      });
    }

    const sent = await sendDuePosts(database.db, config, {
      now: new Date(+afternoon + 60_000),
      signal: new AbortController().signal,
    });
    expect(sent).toMatchObject({ sent: 2 });
    const posts = await database.db.post.findMany({
      where: { milestone: { key: "radar-top:cloudflare:global:top-200" } },
      orderBy: { channel: "asc" },
    });
    expect(posts.map((p) => [p.channel, p.status, p.text])).toEqual([
      ["custom", "sent", "Mega is in Cloudflare Radar's top 200: top 200 worldwide"],
      ["hook", "sent", "Mega is now top 200 worldwide (Cloudflare Radar)"],
    ]);
    const delivered = hook.deliveries.map((d) => (d.body as { text: string }).text);
    expect(delivered).toHaveLength(2);
    expect(delivered).not.toContain("Mega is in Cloudflare Radar's top 1,000: top 200 worldwide");
    for (const text of delivered) expect(text).not.toMatch(/#\d/);

    // The Rank page: both readings charted, the standing a range, the marker at the reading.
    const page = await readRankPage(database.db, config, new URLSearchParams("range=7d"));
    expect(page.series[0]!.points.map((p) => [p.at, formatRank(p)])).toEqual([
      [morning.toISOString(), ">200,000"],
      [afternoon.toISOString(), "top 200"],
    ]);
    expect(formatRank(page.standings[0]!.latest!)).toBe("top 200");
    expect(page.standings[0]!.best).toBeNull();
    expect(page.markers.map((m) => m.at)).toEqual([afternoon.toISOString()]);

    // The Overview reads the same standings (lib/dashboard/overview.ts) and formats them so.
    const [overview] = await getRankStandings(database.db, { globalOnly: true });
    expect(
      formatRank({
        kind: overview!.kind,
        rank: overview!.rank,
        bucketMin: overview!.bucket_min,
        bucketMax: overview!.bucket_max,
      }),
    ).toBe("top 200");
  });
});
