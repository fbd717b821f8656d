// Which PostgreSQL this process uses: DATABASE_URL, or the embedded one in the data folder
// (found running, or started here). Migrations are applied either way.
import type { Env } from "@/lib/env";
import type { Logger } from "@/lib/log";
import { ensureEmbeddedPostgres } from "./embedded";
import { applyMigrations } from "./migrate";
import { waitForDatabase } from "./wait";

export type ResolvedDatabase = {
  url: string;
  embedded: boolean;
  owned: boolean;
  stop(): Promise<void>;
};

export async function resolveDatabase(
  settings: Env,
  log: Logger,
  options: {
    migrate?: boolean;
    signal?: AbortSignal;
    /** No Liftoff runs on the data folder (the launcher checked): stop a server a crash left. */
    clearLeftovers?: boolean;
  } = {},
): Promise<ResolvedDatabase> {
  let resolved: ResolvedDatabase;
  if (settings.DATABASE_URL) {
    resolved = {
      url: settings.DATABASE_URL,
      embedded: false,
      owned: false,
      stop: async () => undefined,
    };
    await waitForDatabase(resolved.url, log, { signal: options.signal });
  } else {
    const embedded = await ensureEmbeddedPostgres(
      settings.LIFTOFF_DATA_DIR,
      settings.LIFTOFF_EMBEDDED_PG_PORT,
      (line) => log.info(`embedded PostgreSQL: ${line}`),
      { clearLeftovers: options.clearLeftovers },
    );
    resolved = { ...embedded, embedded: true };
  }
  if (options.migrate !== false) {
    const applied = await applyMigrations(resolved.url);
    if (applied.length > 0) log.info({ applied }, "migrations applied");
  }
  return resolved;
}
