// Liftoff's command line: `npm start`, `npm run jobs -- list|run <job>`, `npm run db:migrate`,
// `npm run user:create -- --email E --password P`, and the worker process itself.
import { parseArgs } from "node:util";
import { configPath, loadConfig } from "@/lib/config";
import { createDatabase } from "@/lib/database/client";
import { resolveDatabase } from "@/lib/database/resolve";
import { describeDatabase } from "@/lib/database/wait";
import { readEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { createFounder } from "@/lib/auth/founders";
import { importRanksOnce, listJobs, runJobOnce } from "@/jobs/cli";
import { exitCodes } from "@/jobs/exit-codes";
import { startWorker } from "@/jobs/worker";
import { launch } from "./launch";
import { answers, banner, readState, runningLiftoff } from "./launch-state";
import { watchParent } from "./parent-watch";

const usage = `Usage:
  liftoff start                      build if needed, migrate, start web + worker (+ simulator)
  liftoff status                     where the running Liftoff is (exit 1 when none runs)
  liftoff worker                     run the job worker alone
  liftoff web                        run the web server alone (needs \`next build\`; PORT)
  liftoff jobs list                  every job: schedule, next run, last run, outcome
  liftoff jobs run <job>             run one job now; the exit code is its outcome:
                                     0 success, 1 failed, 2 timeout, 3 skipped, 64 usage,
                                     69 database unreachable, 70 internal error, 78 configuration
  liftoff jobs import-ranks <file> [--source S --domain D --at T --preset P]
                                     import a rank history (CSV, JSON, or an archived page)
  liftoff migrate                    apply database migrations
  liftoff user create --email E --password P [--name N]
                                     create a founder account`;

const print = (line: string) => process.stdout.write(`${line}\n`);

/** How long a one-off command (jobs, migrate, user) waits for PostgreSQL; the worker waits on. */
const oneOffDatabaseWaitMs = 30_000;

class DatabaseUnreachableError extends Error {
  override name = "DatabaseUnreachableError";
}

async function withDatabase<T>(
  fn: (url: string) => Promise<T>,
  signal: AbortSignal | "one-off" = "one-off",
): Promise<T> {
  const settings = readEnv();
  const patience = signal === "one-off" ? AbortSignal.timeout(oneOffDatabaseWaitMs) : signal;
  const database = await resolveDatabase(settings, log, { signal: patience }).catch((error) => {
    if (signal !== "one-off" || !patience.aborted) throw error;
    const where = describeDatabase(settings.DATABASE_URL ?? "");
    throw new DatabaseUnreachableError(
      `PostgreSQL at ${where} could not be reached within ${oneOffDatabaseWaitMs / 1000} s`,
    );
  });
  try {
    return await fn(database.url);
  } finally {
    if (database.owned) await database.stop();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "start":
      return launch();
    case "status":
      return status();
    case "worker": {
      const settings = readEnv();
      const config = loadConfig(configPath(settings.LIFTOFF_CONFIG));
      // Listen from the start: SIGTERM while still waiting for the database is a clean stop too.
      // SIGHUP (the terminal closed) and the launcher's end stop it the same way.
      const stopping = new AbortController();
      for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const) {
        process.once(signal, () => stopping.abort(new Error(`${signal} received`)));
      }
      watchParent((why) => stopping.abort(new Error(why)));
      try {
        return await withDatabase(async (databaseUrl) => {
          const worker = await startWorker({ config, databaseUrl, log, signal: stopping.signal });
          // To the launcher, which prints its banner after (if it is still there to hear it).
          if (process.connected) process.send?.({ liftoff: "ready" });
          // A signal may already have come while the worker was starting.
          if (!stopping.signal.aborted) {
            // With every job disabled nothing else keeps the process alive: it waits for a signal.
            const keepAlive = setInterval(() => undefined, 2 ** 30);
            await new Promise((resolve) =>
              stopping.signal.addEventListener("abort", resolve, { once: true }),
            );
            clearInterval(keepAlive);
          }
          log.info("worker stopping");
          await worker.stop();
          return 0;
        }, stopping.signal);
      } catch (error) {
        if (!stopping.signal.aborted) throw error;
        log.info("worker stopped before it was ready");
        return 0;
      }
    }
    case "web": {
      const { runWeb } = await import("./web");
      return runWeb();
    }
    case "jobs": {
      const [sub, ...args] = rest;
      const settings = readEnv();
      const config = loadConfig(configPath(settings.LIFTOFF_CONFIG));
      if (sub !== "list" && sub !== "run" && sub !== "import-ranks") break;
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: {
          source: { type: "string" },
          domain: { type: "string" },
          at: { type: "string" },
          preset: { type: "string" },
        },
      });
      if (sub === "import-ranks" && !positionals[0]) break;
      return withDatabase(async (databaseUrl) => {
        const db = createDatabase(databaseUrl, { max: 3 });
        try {
          const deps = { db, databaseUrl, config, log, print };
          if (sub === "import-ranks") {
            return await importRanksOnce({ file: positionals[0]!, ...values }, deps);
          }
          return sub === "list" ? await listJobs(deps) : await runJobOnce(positionals[0], deps);
        } finally {
          await db.$disconnect();
        }
      });
    }
    case "migrate":
      return withDatabase(async () => {
        print("Migrations are up to date.");
        return 0;
      });
    case "user": {
      const { values } = parseArgs({
        args: rest.slice(1),
        options: {
          email: { type: "string" },
          password: { type: "string" },
          name: { type: "string" },
        },
      });
      if (rest[0] !== "create" || !values.email || !values.password) break;
      return withDatabase(async (url) => {
        const db = createDatabase(url, { max: 2 });
        try {
          const founder = await createFounder(db, {
            email: values.email!,
            password: values.password!,
            name: values.name,
          });
          print(`Created founder ${founder.email}.`);
          return 0;
        } finally {
          await db.$disconnect();
        }
      });
    }
  }
  print(usage);
  return exitCodes.usage;
}

/** `liftoff status`: the banner again when Liftoff runs on this data folder and answers. */
async function status(): Promise<number> {
  const dataDir = readEnv().LIFTOFF_DATA_DIR;
  const state = runningLiftoff(dataDir);
  if (!state) {
    print(
      readState(dataDir)
        ? "Liftoff is not running (it was not stopped cleanly)."
        : "Liftoff is not running.",
    );
    return 1;
  }
  if (!state.ready) {
    print(`Liftoff is starting (pid ${state.pid}); it prints where to sign in when it is ready.`);
    return 1;
  }
  if (!(await answers(state.port))) {
    print(`Liftoff (pid ${state.pid}) runs but does not answer at ${state.url}.`);
    return 1;
  }
  const since = new Date(state.started).toLocaleTimeString([], {
    hour: "2-digit",
    minute: "2-digit",
  });
  process.stdout.write(
    banner(state, `Liftoff is running at ${state.url} (pid ${state.pid}, since ${since})`),
  );
  return 0;
}

/** Errors written for a person, printed without a stack, and the exit code each stands for. */
const plainErrors: Record<string, number> = {
  ConfigError: exitCodes.config,
  EnvError: exitCodes.config,
  ValidationError: exitCodes.usage,
  DatabaseUnreachableError: exitCodes.databaseUnreachable,
  LaunchRefusedError: 1,
};

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const err = error as Error;
    const code = plainErrors[err?.name] ?? exitCodes.internal;
    const plain = code !== exitCodes.internal;
    process.stderr.write(plain ? `${err.message}\n` : `${err?.stack ?? String(error)}\n`);
    process.exit(code);
  },
);
