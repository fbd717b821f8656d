// Reads and validates liftoff.config.yaml. A mistake names the file, the key path, what was
// expected and what was found; nothing starts until the file is right.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseDocument } from "yaml";
import { ConfigError } from "@/lib/errors";
import { formatIssues } from "@/lib/validation";
import { type Config, configSchema, type JobName, jobNames, type JobSettings } from "./schema";

/** What a job runs on when the file does not schedule it. */
const defaultJobs: Record<JobName, JobSettings> = {
  "ingest-metrics": { schedule: "*/15 * * * * *", timeout: 30_000, jitter: 2_000, enabled: true },
  "check-monitors": { schedule: "*/10 * * * * *", timeout: 30_000, jitter: 1_000, enabled: true },
  // Lists are published daily; once an hour catches each soon after it appears.
  "ingest-ranks": { schedule: "0 7 * * * *", timeout: 300_000, jitter: 5_000, enabled: true },
  // Raw checks expire by whole days; once a day, at a quiet hour, is enough.
  "prune-checks": { schedule: "0 40 3 * * *", timeout: 600_000, jitter: 30_000, enabled: true },
  // A send is bounded by 30 s and a run stops starting sends after 60 s.
  "send-posts": { schedule: "30 * * * * *", timeout: 120_000, jitter: 2_000, enabled: true },
};

export type LoadedConfig = Omit<Config, "jobs"> & {
  /** Every job's settings: the file's, or the default. */
  jobs: Record<JobName, JobSettings>;
  /** The absolute path the configuration was read from. */
  path: string;
};

/** Parses and validates configuration text; `file` only labels the messages. */
export function parseConfig(text: string, file: string): LoadedConfig {
  const document = parseDocument(text, { prettyErrors: true });
  if (document.errors.length > 0) {
    const details = document.errors.map((e) => `  ${e.message.split("\n")[0]}`).join("\n");
    throw new ConfigError(`${file} is not valid YAML:\n${details}`);
  }
  const result = configSchema.safeParse(document.toJS() ?? {}, { reportInput: true });
  if (!result.success) {
    throw new ConfigError(
      `${file} has ${result.error.issues.length} problem(s):\n${formatIssues(result.error.issues)}`,
    );
  }
  const jobs = Object.fromEntries(
    jobNames.map((name) => [name, result.data.jobs[name] ?? defaultJobs[name]]),
  ) as Record<JobName, JobSettings>;
  return { ...result.data, jobs, path: path.resolve(file) };
}

/** The file to read: LIFTOFF_CONFIG, else liftoff.config.yaml, else the example (the demo). */
export function configPath(fromEnv: string | undefined): string {
  if (fromEnv) return fromEnv;
  return existsSync("liftoff.config.yaml") ? "liftoff.config.yaml" : "liftoff.config.example.yaml";
}

/** Reads the configuration file from disk. */
export function loadConfig(file: string): LoadedConfig {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT" ? "does not exist" : String(error);
    throw new ConfigError(
      `Configuration file ${path.resolve(file)} ${reason}. Copy liftoff.config.example.yaml to liftoff.config.yaml, or set LIFTOFF_CONFIG.`,
    );
  }
  return parseConfig(text, file);
}
