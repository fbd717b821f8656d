// Structured logs (pino) to stdout. Secrets never reach a log line: the env module is the only
// place they are read, and these paths are redacted should one slip into a logged object.
import pino from "pino";

export type Logger = pino.Logger;

export const log: Logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
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
});
