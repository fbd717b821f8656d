import { env } from "@/lib/env";
import { configPath, type LoadedConfig, loadConfig } from "./load";

export { configPath, parseConfig, loadConfig, type LoadedConfig } from "./load";
export { jobNames, type JobName, type JobSettings, type Config } from "./schema";
export { jobDescriptions } from "./job-catalogue";

let cached: LoadedConfig | undefined;

/** This process's configuration, from LIFTOFF_CONFIG, read and validated once. */
export function getConfig(): LoadedConfig {
  cached ??= loadConfig(configPath(env().LIFTOFF_CONFIG));
  return cached;
}
