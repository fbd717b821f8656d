// ingest-ranks end to end: every source kind read from the launch simulator through the job
// wrapper into PostgreSQL, checked against the simulator's own model.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ingestRanks } from "@/jobs/ingest-ranks";
import { runJob, type RunDeps } from "@/jobs/run-job";
import { parseConfig, type LoadedConfig } from "@/lib/config";
import { syncConfig } from "@/lib/setup/sync-config";
import { cloudflareBucket, cruxBucket, publishedAt, rankAt } from "@/simulator/model";
import type { RankSource } from "@/simulator/scenario";
import { launchWeek, startFrozenSimulator, type FrozenSimulator } from "../simulator/support";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { json, startHttpServer } from "../support/http-server";
import { captureLogger } from "../support/logger";

let database: TestDatabase;
let simulator: FrozenSimulator;
let broken: Awaited<ReturnType<typeof startHttpServer>>;
const HOUR = 140;
const service = launchWeek.service.domain;
const domains = [service, ...launchWeek.competitors.map((c) => c.domain)];
// Generous: four 100,000-line lists are built, zipped and read; CI machines may be busy.
const settings = { schedule: "* * * * * *", timeout: 90_000, jitter: 0, enabled: true };

function configFor(radarBase: string): LoadedConfig {
  const sim = simulator.url;
  return parseConfig(
    `service: { name: Stashbox, domain: ${service} }
competitors:
${launchWeek.competitors.map((c) => `  - { name: ${c.domain}, domain: ${c.domain} }`).join("\n")}
sources:
  ranks:
    - { kind: tranco, key: tranco, listUrl: "${sim}/tranco/top-1m.csv.zip", apiUrl: "${sim}/tranco/api", pace: 10ms }
    - { kind: cloudflare-radar, key: cloudflare, baseUrl: "${radarBase}", tokenEnv: TEST_RADAR_TOKEN, locations: [NZ] }
    - { kind: csv-list, key: majestic, format: majestic, url: "${sim}/majestic/majestic_million.csv" }
    - { kind: csv-list, key: umbrella, format: umbrella, url: "${sim}/umbrella/top-1m.csv.zip" }
    - { kind: csv-list, key: crux, format: crux, url: "${sim}/crux/current.csv" }
    - { kind: page, key: alexa, url: "${sim}/alexa/siteinfo/{domain}", preset: alexa-2017, period: 6h }
    - { kind: page, key: alexa-xml, url: "${sim}/alexa/data?cli=10&url={domain}", preset: alexa-xml, period: 6h }
milestones:
  - { kind: rank, key: top, source: alexa }
  - { kind: country-first, key: first, source: alexa }
`,
    "t.yaml",
  );
}

function deps(config: LoadedConfig): RunDeps {
  return { db: database.db, databaseUrl: database.url, config, log: captureLogger().log };
}

beforeAll(async () => {
  vi.stubEnv("SIM_RADAR_TOKEN", undefined);
  simulator = await startFrozenSimulator(HOUR);
  vi.stubEnv("TEST_RADAR_TOKEN", simulator.radarToken);
  broken = await startHttpServer({});
  database = await createTestDatabase();
  await syncConfig(database.db, configFor(`${simulator.url}/radar/client/v4`));
});
afterAll(async () => {
  await simulator?.close();
  await broken?.close();
  await database?.drop();
  vi.unstubAllEnvs();
});

const t = () => simulator.simulatedNow();
const dayOf = (at: Date) => new Date(Math.floor(at.getTime() / 86_400_000) * 86_400_000);
/** What a list of `listLength` lines says of a domain the model ranks at `rank`. */
const listed = (rank: number | null) =>
  rank !== null && rank <= launchWeek.listLength ? { kind: "exact", rank } : { kind: "unranked" };

async function stored(source: string, domain: string, scope = "global") {
  const rows = await database.db.rankSample.findMany({
    where: { source, scope, site: { domain } },
    orderBy: { at: "desc" },
  });
  return rows.map((r) => ({
    at: r.at,
    kind: r.kind,
    ...(r.kind === "exact" ? { rank: r.rank } : {}),
    ...(r.kind === "bucket" ? { min: r.bucketMin, max: r.bucketMax } : {}),
  }));
}

describe("ingest-ranks against the launch simulator", () => {
  it(
    "stores every source's rank of every tracked domain as the source states it",
    { timeout: 120_000 },
    async () => {
      const result = await runJob(
        ingestRanks,
        deps(configFor(`${simulator.url}/radar/client/v4`)),
        {
          trigger: "cli",
          settings,
        },
      );
      expect(result.error).toBeNull();
      expect(result.outcome).toBe("success");
      expect(result.counts.failed).toBe(0);

      const model = (source: RankSource, domain: string, scope = "global") =>
        rankAt(launchWeek, domain, source, scope, t());
      for (const domain of domains) {
        const [tranco] = await stored("tranco", domain);
        expect(tranco).toEqual({
          at: dayOf(publishedAt(launchWeek, "tranco", t())),
          ...listed(model("tranco", domain)),
        });
        const [majestic] = await stored("majestic", domain);
        expect(majestic).toMatchObject(listed(model("majestic", domain)));
        const [umbrella] = await stored("umbrella", domain);
        expect(umbrella).toMatchObject(listed(model("umbrella", domain)));
        const [alexa] = await stored("alexa", domain);
        expect(alexa).toEqual({
          at: publishedAt(launchWeek, "alexa", t()),
          kind: "exact",
          rank: model("alexa", domain),
        });
        const [xml] = await stored("alexa-xml", domain);
        expect(xml).toMatchObject({ kind: "exact", rank: model("alexa", domain) });
      }

      // Radar: an exact rank only inside the top 100, else the bucket, never a made-up number.
      const radarRank = model("cloudflare", service)!;
      expect(radarRank).toBeGreaterThan(100);
      const [radar] = await stored("cloudflare", service);
      const bucket = Number(cloudflareBucket(radarRank));
      expect(radar).toMatchObject({ kind: "bucket", max: bucket });
      expect(radar!.min).toBeLessThanOrEqual(radarRank);
      const [boxdrop] = await stored("cloudflare", "boxdrop.test", "NZ");
      expect(boxdrop).toMatchObject({
        kind: "exact",
        rank: model("cloudflare", "boxdrop.test", "NZ"),
      });
      expect(await stored("cloudflare", service, "NZ")).toMatchObject([{ kind: "exact", rank: 1 }]);

      // CrUX: a magnitude, stored as a bucket up to it.
      const [crux] = await stored("crux", service);
      expect(crux).toMatchObject({ kind: "bucket", max: cruxBucket(model("crux", service)) });

      // Alexa's per-country ranks, and Tranco's back-filled month.
      expect(await stored("alexa", service, "NZ")).toMatchObject([
        { kind: "exact", rank: model("alexa", service, "NZ") },
      ]);
      expect((await stored("tranco", service)).length).toBeGreaterThan(3);

      // Every sample points at the run that wrote it.
      const runIds = await database.db.rankSample.groupBy({ by: ["jobRunId"], _count: true });
      expect(runIds.map((r) => r.jobRunId)).toEqual([result.runId]);
    },
  );

  it(
    "stores nothing twice when it runs again, and records each milestone once",
    { timeout: 120_000 },
    async () => {
      const before = await database.db.rankSample.count();
      const milestones = await database.db.milestone.findMany({ select: { key: true } });
      expect(milestones.map((m) => m.key)).toEqual(
        // The tightest top the first reading was already in (one milestone per reading).
        expect.arrayContaining(["first:alexa:NZ", "top:alexa:global:top-150"]),
      );
      const again = await runJob(ingestRanks, deps(configFor(`${simulator.url}/radar/client/v4`)), {
        trigger: "cli",
        settings,
      });
      expect(again.outcome).toBe("success");
      expect(again.counts).toMatchObject({ samples: 0, updated: 0, milestones: 0 });
      expect(again.counts.unchanged).toBeGreaterThan(0);
      expect(await database.db.rankSample.count()).toBe(before);
      expect(await database.db.milestone.count()).toBe(milestones.length);
    },
  );

  it(
    "records a failing source on the run, stores the others, and keeps what the failing one stored",
    { timeout: 120_000 },
    async () => {
      broken.routes[`/radar/ranking/domain/${service}`] = json(
        {
          success: false,
          errors: [{ code: 10000, message: "Authentication error" }],
          messages: [],
          result: null,
        },
        403,
      );
      const radarBefore = await stored("cloudflare", service);
      simulator.setHour(HOUR + 24);
      const result = await runJob(ingestRanks, deps(configFor(broken.url)), {
        trigger: "cli",
        settings,
      });
      expect(result.outcome).toBe("failed");
      expect(result.error).toMatch(/^cloudflare: /m);
      expect(result.counts.failed).toBe(1);
      const run = await database.db.jobRun.findUniqueOrThrow({ where: { id: result.runId! } });
      expect(run.error).toBe(result.error);
      expect(await stored("cloudflare", service)).toEqual(radarBefore);
      // The day's new Tranco list was still read.
      const [tranco] = await stored("tranco", service);
      expect(tranco!.at).toEqual(dayOf(publishedAt(launchWeek, "tranco", t())));
    },
  );
});
