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
  const minTimeout = options.minTimeout ?? 1_000;
  const maxTimeout = options.maxTimeout ?? 30_000;
  // p-retry's own wait before the next attempt (factor 2, not randomised), for the log line.
  const delayAfter = (attempt: number) => Math.min(maxTimeout, minTimeout * 2 ** (attempt - 1));
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
      minTimeout,
      maxTimeout,
      factor: 2,
      signal: options.signal,
      onFailedAttempt: ({ error, attemptNumber }) => {
        const reason = (error as NodeJS.ErrnoException).code ?? error.message;
        log.warn(
          `PostgreSQL at ${describeDatabase(url)} is unreachable (${reason}); attempt ${attemptNumber}, retrying in ${Math.round(delayAfter(attemptNumber) / 1000)} s`,
        );
      },
    },
  );
}
