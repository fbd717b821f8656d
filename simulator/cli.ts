import { parseArgs } from "node:util";
import { z } from "zod";
import { hoursSinceLaunch } from "./model/time";
import { routes } from "./routes";
import { startSimulator, type RunningSimulator } from "./server";

const USAGE = `Usage: simulate [--port 4100] [--speed 60] [--start-offset-hours 0] [--launch-at ISO] [--scenario file.yaml]
  --port                 listen port, 0 for any free one (env SIM_PORT)
  --speed                simulated seconds per real second (env SIM_SPEED)
  --start-offset-hours   start this many hours after launch
  --launch-at            the launch as a real moment (e.g. a seeded demo's): start now, that long after it
  --scenario             scenario YAML (default simulator/scenarios/launch-week.yaml)
  --host                 listen address (default 127.0.0.1)
  -h, --help             show this help`;

const settingsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(4100),
  speed: z.coerce.number().finite().min(0).default(60),
  startOffsetHours: z.coerce.number().finite().default(0),
  launchAt: z.iso
    .datetime({ offset: true })
    .transform((iso) => new Date(iso))
    .optional(),
  scenario: z.string().min(1).optional(),
  host: z.string().min(1).default("127.0.0.1"),
});

function readSettings(argv: string[], env: NodeJS.ProcessEnv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: "string" },
      speed: { type: "string" },
      "start-offset-hours": { type: "string" },
      "launch-at": { type: "string" },
      scenario: { type: "string" },
      host: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return undefined;
  const settings = settingsSchema.safeParse({
    port: values.port ?? (env.SIM_PORT || undefined),
    speed: values.speed ?? (env.SIM_SPEED || undefined),
    startOffsetHours: values["start-offset-hours"],
    launchAt: values["launch-at"],
    scenario: values.scenario,
    host: values.host,
  });
  if (!settings.success) throw new Error(`${z.prettifyError(settings.error)}\n\n${USAGE}`);
  return settings.data;
}

function describeStart(simulator: RunningSimulator, speed: number): string {
  const now = simulator.simulatedNow();
  const hours = hoursSinceLaunch(simulator.scenario, now).toFixed(1);
  const width = Math.max(...routes.map((route) => route.example.length));
  const endpoints = routes.map(
    (route) => `  ${simulator.url}${route.example.padEnd(width)}  ${route.summary}`,
  );
  return [
    `${simulator.scenario.service.name} launch simulator listening on ${simulator.url}`,
    `  ${speed}× speed, simulated time ${now.toISOString()} (hour ${hours} since launch)`,
    "Endpoints:",
    ...endpoints,
  ].join("\n");
}

/**
 * Starts the simulator from command-line arguments (undefined after printing --help) and stops it
 * cleanly on SIGINT or SIGTERM.
 */
export async function runSimulatorCli(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<RunningSimulator | undefined> {
  const settings = readSettings(argv, env);
  if (!settings) {
    console.log(USAGE);
    return undefined;
  }
  const simulator = await startSimulator({
    port: settings.port,
    host: settings.host,
    speed: settings.speed,
    startOffsetHours: settings.startOffsetHours,
    launchAt: settings.launchAt,
    scenarioPath: settings.scenario,
  });
  console.log(describeStart(simulator, settings.speed));
  const stop = () => {
    simulator.close().then(
      () => console.log("simulator stopped"),
      (error: unknown) => {
        console.error(error);
        process.exitCode = 1;
      },
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return simulator;
}
