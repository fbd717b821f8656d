// The web process's own entry (`liftoff web` runs the same): the front server and Next.js behind
// it, stopped together on SIGTERM or SIGINT. Kept apart from bin/liftoff.ts so the front loads
// only what it uses, not the database client and the jobs.
import { readEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { startWebServer } from "./web-server";

export async function runWeb(): Promise<number> {
  const settings = readEnv();
  const stop = await startWebServer(settings.PORT);
  const signal = await new Promise<string>((resolve) => {
    for (const name of ["SIGTERM", "SIGINT"] as const) process.once(name, () => resolve(name));
  });
  log.info(`web server stopping (${signal})`);
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
