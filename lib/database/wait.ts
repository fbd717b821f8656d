// Waits for PostgreSQL with backoff: a clear message per attempt, never a silent crash loop,
// never a spin. Gives up only when `signal` is aborted.
import pRetry from "p-retry";
import pg from "pg";
import type { Logger } from "@/lib/log";

export function describeDatabase(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

export async function waitForDatabase(
  url: string,
  log: Logger,
  options: { signal?: AbortSignal; minTimeout?: number; maxTimeout?: number } = {},
): Promise<void> {
  await pRetry(
    async () => {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
      try {
        await client.connect();
        await client.query("SELECT 1");
      } finally {
        await client.end().catch(() => undefined);
      }
    },
    {
      retries: Number.POSITIVE_INFINITY,
      minTimeout: options.minTimeout ?? 1_000,
      maxTimeout: options.maxTimeout ?? 30_000,
      factor: 2,
      signal: options.signal,
      onFailedAttempt: ({ error, attemptNumber, retryDelay }) => {
        const reason = (error as NodeJS.ErrnoException).code ?? error.message;
        log.warn(
          `PostgreSQL at ${describeDatabase(url)} is unreachable (${reason}); attempt ${attemptNumber}, retrying in ${Math.round(retryDelay / 1000)} s`,
        );
      },
    },
  );
}
