// The one typed view of the process environment. Secrets live here and nowhere else: never in
// liftoff.config.yaml, never in the browser bundle, never in a log line.
import { z } from "zod";
import { formatIssues } from "@/lib/validation";

const port = z.coerce.number().int().min(1).max(65_535);

const envSchema = z.object({
  /** A PostgreSQL URL; unset means the embedded PostgreSQL in LIFTOFF_DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "a postgresql:// URL")
    .optional(),
  /** Unset: liftoff.config.yaml, or the example (the simulator demo) when that does not exist. */
  LIFTOFF_CONFIG: z.string().min(1).optional(),
  LIFTOFF_DATA_DIR: z.string().min(1).default("data"),
  LIFTOFF_EMBEDDED_PG_PORT: port.default(54_329),
  /** Signs session cookies. `npm start` creates one in the data folder when unset. */
  LIFTOFF_AUTH_SECRET: z.string().min(32, "at least 32 characters").optional(),
  /** The first founder account, created on first start when no account exists. */
  LIFTOFF_ADMIN_EMAIL: z.email().optional(),
  LIFTOFF_ADMIN_PASSWORD: z.string().min(10, "at least 10 characters").optional(),
  PORT: port.default(3000),
  /**
   * Set by the web front (`liftoff web`) for Next.js behind it, which listens on a private port
   * of its own: the port visitors reach. Not for setting by hand.
   */
  LIFTOFF_WEB_PORT: port.optional(),
  /** The dashboard's public address, used for sign-in callbacks and links in posts. */
  LIFTOFF_BASE_URL: z.url().optional(),
  LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).default("info"),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  override name = "EnvError";
}

/** Validates the environment; a bad setting names the variable and what was expected. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  // An empty variable counts as unset, as shells and .env files mean it.
  const set = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = envSchema.safeParse(set, { reportInput: true });
  if (!result.success) {
    throw new EnvError(`Invalid environment:\n${formatIssues(result.error.issues, "")}`);
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated environment of this process, read once. */
export function env(): Env {
  cached ??= readEnv();
  return cached;
}

/** The port visitors reach: the web front's when behind one, else PORT. */
export function publicPort(settings: Env): number {
  return settings.LIFTOFF_WEB_PORT ?? settings.PORT;
}

/** LIFTOFF_BASE_URL, else http://localhost and the public port; no trailing slash. */
export function publicBaseUrl(settings: Env): string {
  return (settings.LIFTOFF_BASE_URL ?? `http://localhost:${publicPort(settings)}`).replace(
    /\/+$/,
    "",
  );
}

/** Reads a secret that the configuration names by its environment variable. */
export function readSecret(name: string, source: NodeJS.ProcessEnv = process.env): string {
  const value = source[name];
  if (!value)
    throw new EnvError(
      `Environment variable ${name} is not set (the configuration names it as a secret)`,
    );
  return value;
}
