// Logs to stdout (pino): one readable line per event for a person at a terminal (pino-pretty),
// JSON lines for everything else (a file, a pipe, a log collector). LOG_FORMAT=json or pretty
// overrides the guess; `npm start` passes its decision on to its children, whose stdout is often
// a pipe into the same terminal. Secrets never reach a log line: the env module is the only place
// they are read, and these paths are redacted should one slip into a logged object.
import pino from "pino";
import pretty from "pino-pretty";

export type Logger = pino.Logger;

export type LogFormat = "json" | "pretty";

/** LOG_FORMAT when set to json or pretty; otherwise pretty exactly when stdout is a terminal. */
export function logFormat(env: NodeJS.ProcessEnv = process.env, isTTY = process.stdout.isTTY) {
  const chosen = env.LOG_FORMAT?.toLowerCase();
  if (chosen === "json" || chosen === "pretty") return chosen;
  return isTTY ? "pretty" : "json";
}

const options: pino.LoggerOptions = {
  level: process.env.LOG_LEVEL ?? "info",
  // Which Liftoff process wrote the line (web, worker...), set by the launcher for its children.
  name: process.env.LIFTOFF_PROCESS,
  base: { pid: process.pid },
  redact: {
    paths: [
      "password",
      "*.password",
      "token",
      "*.token",
      "secret",
      "*.secret",
      "authorization",
      "*.authorization",
      "headers.authorization",
      "databaseUrl",
    ],
    censor: "[redacted]",
  },
};

export const log: Logger =
  logFormat() === "pretty"
    ? // Synchronous, in this thread: a line is on screen before the process that wrote it exits.
      // Colour follows the terminal (or FORCE_COLOR / NO_COLOR, which the launcher passes on).
      pino(
        options,
        pretty({ sync: true, singleLine: true, translateTime: "HH:MM:ss", ignore: "hostname" }),
      )
    : // Synchronous too, so lines from several processes sharing one stdout keep their order.
      pino(options, pino.destination({ dest: 1, sync: true }));
