// A launch week in the database, ending now: everything a week of Liftoff watching the launch
// simulator would have recorded, computed from the simulator's own model and answers (anchored so
// that scenario hour 0 is `launchAt`) and stored through Liftoff's own recording functions, so a
// simulator started with the same launchAt at speed 1 carries on the same curves.
// Thinned to keep a seed near 10 s (about 1,700 samples a metric, 54,000 checks, 33,000 runs):
// metric samples keep every run of the last hour, then one a minute to 12 hours, one every 5
// minutes to 48 hours and every 15 beyond; the jobs that run every few seconds keep their last
// day of runs and every failure. Checks, ranks, outages and milestones are all there.
import type { LoadedConfig } from "@/lib/config";
import type { Database } from "@/lib/database/client";
import type { Logger } from "@/lib/log";
import { syncConfig } from "@/lib/setup/sync-config";
import { anchorScenario } from "@/simulator/anchor";
import type { Scenario } from "@/simulator/scenario";
import { createDemoSimulator } from "./demo-simulator";
import { jobTicks, ticksBetween, cadenceOf } from "./job-ticks";
import { seedChecks, type SeededCheck } from "./seed-checks";
import { insertJobRuns, type SeededRun } from "./seed-job-runs";
import {
  metricRunErrors,
  sampledMoments,
  seedMetricSamples,
  simulatedMetricSources,
} from "./seed-metrics";
import { seedMilestones } from "./seed-milestones";
import { seedRankSamples } from "./seed-ranks";
import { seedFounderUpdate, seedIncidents, seedMaintenance } from "./seed-status";
import { hasServiceData, removeServiceData } from "./service-data";

export type SeedOptions = {
  db: Database;
  config: LoadedConfig;
  /** The scenario as written; the seed anchors it to launchAt. */
  scenario: Scenario;
  launchAt: Date;
  now: Date;
  log: Pick<Logger, "debug">;
  /** The scenario's file, remembered with the launch moment. */
  scenarioPath?: string;
};

export type SeedReport = {
  launchAt: Date;
  now: Date;
  metricSamples: Record<string, number>;
  rankSamples: number;
  checks: number;
  outages: number;
  incidents: number;
  maintenances: number;
  milestones: number;
  posts: number;
  jobRuns: number;
  ms: number;
};

const DAY_MS = 86_400_000;

/** check-monitors' runs, each counting the checks it took (those between it and the next). */
function checkRuns(checks: SeededCheck[], ticks: Date[], periodMs: number): SeededRun[] {
  const first = ticks[0]?.getTime() ?? 0;
  const counts = ticks.map(() => ({}) as Record<string, number>);
  for (const check of checks) {
    const i = Math.floor((check.at.getTime() - first) / periodMs);
    const run = counts[i];
    if (run) run[`checks_${check.result.status}`] = (run[`checks_${check.result.status}`] ?? 0) + 1;
  }
  return ticks.map((slot, i) => ({ job: "check-monitors", slot, counts: counts[i] }));
}

async function seed(options: SeedOptions): Promise<Omit<SeedReport, "ms">> {
  const { db, config, launchAt, now, log } = options;
  const scenario = anchorScenario(options.scenario, launchAt);
  let lap = performance.now();
  const took = () => {
    const ms = Math.round(performance.now() - lap);
    lap = performance.now();
    return ms;
  };
  const sim = createDemoSimulator(scenario, config);
  const tz = config.timezone;
  const ticksOf = (job: keyof LoadedConfig["jobs"]) =>
    jobTicks(config.jobs[job], tz, launchAt, now);
  await syncConfig(db, config);

  const metricTicks = ticksOf("ingest-metrics");
  const sources = simulatedMetricSources(config, sim);
  const metricSamples = await seedMetricSamples(
    db,
    sim,
    sources,
    sampledMoments(launchAt, metricTicks, now),
  );
  log.debug({ metricSamples, ms: took() }, "demo seed: metric samples");
  const rankTicks = ticksOf("ingest-ranks");
  const ranks = await seedRankSamples(db, config, sim, rankTicks, now);
  log.debug({ rankSamples: ranks.samples, ms: took() }, "demo seed: rank samples");
  const checks = await seedChecks(db, config, sim, launchAt, now);
  const incidents = await seedIncidents(db, now);
  await seedFounderUpdate(db);
  const maintenances = await seedMaintenance(db, config, scenario, hoursBetween(launchAt, now));
  log.debug(
    { checks: checks.checks.length, outages: checks.outages, incidents, ms: took() },
    "demo seed: checks, outages and incidents",
  );
  const postTicks = ticksOf("send-posts");
  const ruleTicks = [...metricTicks, ...rankTicks].sort((a, b) => a.getTime() - b.getTime());
  const milestones = await seedMilestones(db, config, ruleTicks, postTicks, now);
  log.debug({ ...milestones, ms: took() }, "demo seed: milestones and posts");

  const checkSettings = config.jobs["check-monitors"];
  const checkTicks = checkSettings.enabled
    ? ticksBetween(cadenceOf(checkSettings.schedule, tz), launchAt, now)
    : [];
  // The jobs that run every few seconds keep their last day of runs, and their failures.
  const recent = (run: SeededRun) =>
    Boolean(run.errors?.length) || now.getTime() - run.slot.getTime() <= DAY_MS;
  const runs: SeededRun[] = [
    ...metricTicks
      .map((slot) => {
        const errors = metricRunErrors(sim, sources, slot);
        const counts = { samples: sources.length - errors.length, duplicates: 0 };
        return { job: "ingest-metrics", slot, errors, counts };
      })
      .filter(recent),
    ...checkRuns(checks.checks, checkTicks, cadenceOf(checkSettings.schedule, tz).periodMs).filter(
      recent,
    ),
    ...rankTicks.map((slot) => ({ job: "ingest-ranks", slot })),
    ...postTicks.map((slot) => ({ job: "send-posts", slot })),
    ...ticksOf("prune-checks").map((slot) => ({
      job: "prune-checks",
      slot,
      counts: { deleted: 0 },
    })),
  ];
  const jobRuns = await insertJobRuns(db, runs);
  log.debug({ jobRuns, ms: took() }, "demo seed: job runs");
  await db.demoLaunch.update({ where: { id: 1 }, data: { seededAt: new Date() } });
  return {
    launchAt,
    now,
    metricSamples,
    rankSamples: ranks.samples,
    checks: checks.checks.length,
    outages: checks.outages,
    incidents,
    maintenances,
    milestones: milestones.milestones,
    posts: milestones.posts,
    jobRuns,
  };
}

function hoursBetween(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / 3_600_000;
}

/**
 * Writes the launch week [launchAt, now] into a database holding no data of the service yet (it
 * refuses one that does). A seed that fails part-way removes what it wrote.
 */
export async function seedLaunchWeek(options: SeedOptions): Promise<SeedReport> {
  const started = performance.now();
  if (options.launchAt >= options.now) throw new RangeError("launchAt must be before now");
  if (await hasServiceData(options.db)) {
    throw new Error("the database already holds data of the service; nothing was seeded");
  }
  // Written first and completed last, so a seed cut short (the process stopped) is known as one.
  await options.db.demoLaunch.create({
    data: {
      launchAt: options.launchAt,
      scenario: options.scenarioPath ?? options.scenario.service.name,
      seededAt: null,
    },
  });
  try {
    const report = await seed(options);
    return { ...report, ms: Math.round(performance.now() - started) };
  } catch (error) {
    await removeServiceData(options.db);
    throw error;
  }
}
