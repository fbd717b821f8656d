import { env } from "@/lib/env";
import { type LoadedConfig, loadConfig } from "./load";

export { parseConfig, loadConfig, type LoadedConfig } from "./load";
export { jobNames, type JobName, type JobSettings, type Config } from "./schema";

let cached: LoadedConfig | undefined;

/** This process's configuration, from LIFTOFF_CONFIG, read and validated once. */
export function getConfig(): LoadedConfig {
  cached ??= loadConfig(env().LIFTOFF_CONFIG);
  return cached;
}
