// The web process's own entry (`liftoff web` runs the same): the front server and Next.js behind
// it, stopped together on SIGTERM, SIGINT or SIGHUP, or when the launcher that started it is gone.
// Kept apart from bin/liftoff.ts so the front loads only what it uses, not the database client
// and the jobs.
import { exitCodes } from "@/jobs/exit-codes";
import { readEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { portTakenMessage } from "./port-taken";
import { watchParent } from "./parent-watch";
import { startWebServer } from "./web-server";

export async function runWeb(): Promise<number> {
  const settings = readEnv();
  const reason = new Promise<string>((resolve) => {
    for (const name of ["SIGTERM", "SIGINT", "SIGHUP"] as const) {
      process.once(name, () => resolve(name));
    }
    watchParent(resolve);
  });
  let stop: () => Promise<void>;
  try {
    stop = await startWebServer(settings.PORT);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
    process.stderr.write(`${portTakenMessage(settings.PORT)}\n`);
    return exitCodes.config;
  }
  log.info(`web server stopping (${await reason})`);
  await stop();
  return 0;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  runWeb().then(
    (code) => process.exit(code),
    (error: unknown) => {
      log.error({ error: String(error) }, "web server failed to start");
      process.exit(1);
    },
  );
}
