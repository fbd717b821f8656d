// `npm run db:seed [-- --force]`: the demo's launch week, ending now, written into the database
// Liftoff uses (DATABASE_URL, else the embedded PostgreSQL, migrated first). A database that
// already holds data of the service is refused unless --force, which first removes that data.
import path from "node:path";
import { parseArgs } from "node:util";
import { configPath, loadConfig } from "@/lib/config";
import { createDatabase } from "@/lib/database/client";
import { resolveDatabase } from "@/lib/database/resolve";
import { scenarioPathOf } from "@/lib/demo/prepare";
import { seedLaunchWeek, type SeedReport } from "@/lib/demo/seed";
import { hasServiceData, removedData, removeServiceData } from "@/lib/demo/service-data";
import { readEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { loadScenario } from "@/simulator/scenario";

const HOUR_MS = 3_600_000;
const print = (line: string) => process.stdout.write(`${line}\n`);
const count = (n: number) => n.toLocaleString("en-US");

function describe(report: SeedReport): string[] {
  const samples = Object.entries(report.metricSamples)
    .map(([metric, n]) => `${metric} ${count(n)}`)
    .join(", ");
  return [
    `Seeded the launch week: launch ${report.launchAt.toISOString()}, now ${report.now.toISOString()}`,
    `  metric samples: ${samples || "none (no metric source is the simulator's)"}`,
    `  rank samples: ${count(report.rankSamples)}`,
    `  checks: ${count(report.checks)}, outages: ${report.outages}, incidents: ${report.incidents}, maintenance windows: ${report.maintenances}`,
    `  milestones: ${report.milestones}, posts: ${report.posts} (dry run)`,
    `  job runs: ${count(report.jobRuns)}`,
    `  took ${(report.ms / 1000).toFixed(1)} s`,
  ];
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { force: { type: "boolean", default: false } } });
  const settings = readEnv();
  const config = loadConfig(configPath(settings.LIFTOFF_CONFIG));
  const database = await resolveDatabase(settings, log);
  const db = createDatabase(database.url, { max: 2 });
  try {
    if (await hasServiceData(db)) {
      if (!values.force) {
        process.stderr.write(
          `db:seed: the database already holds data of the service; \`npm run db:seed -- --force\` removes its ${removedData.join(", ")} and seeds again\n`,
        );
        return 1;
      }
      const removed = await removeServiceData(db);
      print(
        `Removed the service's data: ${Object.entries(removed)
          .map(([name, n]) => `${count(n)} ${name}`)
          .join(", ")}`,
      );
      print("  (kept: sites, metrics, monitors, components, founders and the audit trail)");
    }
    const now = new Date();
    const weekHours = config.simulator?.weekHours ?? 150;
    const scenarioPath = scenarioPathOf(config);
    const report = await seedLaunchWeek({
      db,
      config,
      scenario: await loadScenario(scenarioPath),
      launchAt: new Date(now.getTime() - weekHours * HOUR_MS),
      now,
      log,
      scenarioPath: path.relative(process.cwd(), scenarioPath),
    });
    for (const line of describe(report)) print(line);
    return 0;
  } finally {
    await db.$disconnect();
    if (database.owned) await database.stop();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`db:seed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
