// Before the demo's simulator starts: the launch it should continue. A database with no data of
// the service gets the launch week ending now (launchAt = now - simulator.weekHours); one that
// holds a seeded demo answers its launch moment, so a demo stopped for two days resumes two days
// later in the launch, as a real launch would. A database whose data was not seeded (an older
// demo, real data) is left alone: its launch is the first metric sample, else now.
import path from "node:path";
import type { LoadedConfig } from "@/lib/config";
import { createDatabase, type Database } from "@/lib/database/client";
import type { Logger } from "@/lib/log";
import { readLaunchTime } from "@/lib/milestones/queries/launch-summary";
import { defaultScenarioPath, loadScenario } from "@/simulator/scenario";
import { seedLaunchWeek } from "./seed";
import { hasServiceData, removeServiceData } from "./service-data";

const HOUR_MS = 3_600_000;

export type PrepareDemoOptions = ({ databaseUrl: string } | { db: Database }) & {
  config: LoadedConfig;
  log: Pick<Logger, "info" | "warn" | "debug">;
  now?: Date;
};

export type PreparedDemo = { launchAt: Date; seeded: boolean };

/** The scenario file of the configuration (relative to the project), or the launch week's. */
export function scenarioPathOf(config: LoadedConfig): string {
  const root = path.resolve(import.meta.dirname, "../..");
  return config.simulator ? path.resolve(root, config.simulator.scenario) : defaultScenarioPath;
}

async function prepare(db: Database, options: PrepareDemoOptions): Promise<PreparedDemo> {
  const { config, log } = options;
  const now = options.now ?? new Date();
  let stored = await db.demoLaunch.findUnique({ where: { id: 1 } });
  if (stored && stored.seededAt === null) {
    log.warn("demo: the last start stopped while writing the launch week; writing it again");
    await removeServiceData(db);
    stored = null;
  }
  if (stored) {
    log.info(`demo: carrying on the launch of ${stored.launchAt.toISOString()}`);
    return { launchAt: stored.launchAt, seeded: false };
  }
  if (await hasServiceData(db)) {
    const launchAt = (await readLaunchTime(db, config)) ?? now;
    log.warn(
      { launchAt },
      "demo: the database holds data that was not seeded; the simulator continues from its first sample",
    );
    return { launchAt, seeded: false };
  }
  const weekHours = config.simulator?.weekHours ?? 150;
  const launchAt = new Date(now.getTime() - weekHours * HOUR_MS);
  const scenarioPath = scenarioPathOf(config);
  const scenario = await loadScenario(scenarioPath);
  log.info(`demo: writing the launch week (the ${weekHours} hours up to now)`);
  const report = await seedLaunchWeek({ db, config, scenario, launchAt, now, log, scenarioPath });
  log.info(
    `demo: launch week written in ${(report.ms / 1000).toFixed(1)} s: ${report.outages} outages, ` +
      `${report.milestones} milestones, ${report.rankSamples} rank samples`,
  );
  return { launchAt, seeded: true };
}

export async function prepareDemo(options: PrepareDemoOptions): Promise<PreparedDemo> {
  if ("db" in options) return prepare(options.db, options);
  const db = createDatabase(options.databaseUrl, { max: 2 });
  try {
    return await prepare(db, options);
  } finally {
    await db.$disconnect();
  }
}
