// Metric source: one number from the service's own PostgreSQL ("SELECT count(*) FROM users").
// Each read opens one connection, runs the query alone in a READ ONLY transaction under a
// statement timeout, and rolls back. The query goes over the extended protocol, which takes one
// statement only, so "COMMIT; DELETE ..." cannot step out of the transaction. A read-only
// database role is still the better guard; this one holds even when the role can write.
//
// Error kinds: "http" when the database cannot be reached or the query fails (the fetch failed),
// "timeout" when the query outlives config.timeout, "parse" when the answer is not one number.
// The connection string is a secret: no message or error cause here ever carries it.
import pg from "pg";
import type { MetricSourceConfig } from "@/lib/config/schema";
import { readSecret } from "@/lib/env";
import { SourceError } from "@/lib/errors";
import type { MetricReader } from "@/lib/growth/sample-types";

export type SqlConfig = Extract<MetricSourceConfig, { kind: "sql" }>;

/** The one finite number in a query's rows (arrays of column values); pg's strings included. */
export function parseSqlResult(rows: unknown[][], columns: number, source: string): number {
  if (rows.length !== 1)
    throw new SourceError("parse", source, `query returned ${rows.length} rows, not one`);
  if (columns !== 1)
    throw new SourceError("parse", source, `query returned ${columns} columns, not one`);
  const cell = rows[0]![0];
  if (cell === null || cell === undefined)
    throw new SourceError("parse", source, "query returned NULL, not a number");
  // numeric and bigint (count(*)) come back as strings; the number must survive the conversion.
  const value =
    typeof cell === "number"
      ? cell
      : typeof cell === "bigint" ||
          (typeof cell === "string" && /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(cell.trim()))
        ? Number(cell)
        : undefined;
  if (value === undefined || !Number.isFinite(value)) {
    const shown = typeof cell === "string" ? JSON.stringify(cell.slice(0, 60)) : String(cell);
    throw new SourceError("parse", source, `query returned ${shown}, not a finite number`);
  }
  const integral =
    typeof cell === "bigint" || (typeof cell === "string" && /^-?\d+$/.test(cell.trim()));
  if (integral && !Number.isSafeInteger(value))
    throw new SourceError(
      "parse",
      source,
      `query returned ${String(cell)}, too large to hold exactly`,
    );
  return value;
}

/** What a pg error says, without anything that could hold the connection string. */
function describeError(error: unknown, secret: string): string {
  const { code, message } = error as { code?: unknown; message?: unknown };
  const text = typeof message === "string" && message !== "" ? message : "unknown error";
  const safe = text.split(secret).join("<connection string>");
  return typeof code === "string" && !safe.includes(code) ? `${safe} (${code})` : safe;
}

export const readSqlMetric: MetricReader<SqlConfig> = async (config, signal) => {
  const source = `metric ${config.metric}`;
  const url = readSecret(config.connectionEnv);
  const timeoutMs = Math.max(1, Math.round(config.timeout));
  signal?.throwIfAborted();
  let client: pg.Client;
  try {
    client = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: timeoutMs,
      // A backstop for a server that stops answering; statement_timeout is the real limit.
      query_timeout: timeoutMs + 2_000,
      application_name: "liftoff",
    });
  } catch (error) {
    const reason = describeError(error, url);
    throw new SourceError(
      "http",
      source,
      `${config.connectionEnv} is not a usable connection string: ${reason}`,
    );
  }
  client.on("error", () => {}); // a dropped connection surfaces through the pending query
  let closed: Promise<void> | undefined;
  const close = () => (closed ??= client.end().catch(() => {}));
  const abort = () => void close();
  signal?.addEventListener("abort", abort, { once: true });
  try {
    try {
      await client.connect();
    } catch (error) {
      signal?.throwIfAborted();
      const reason = describeError(error, url);
      if (/timeout/i.test(reason))
        throw new SourceError("timeout", source, `could not connect within ${timeoutMs} ms`);
      throw new SourceError(
        "http",
        source,
        `could not connect to the database in ${config.connectionEnv}: ${reason}`,
      );
    }
    const result = await runReadOnly(client, config.query, timeoutMs).catch((error: unknown) => {
      signal?.throwIfAborted();
      const { code, message } = error as { code?: string; message?: string };
      if (code === "57014" || message === "Query read timeout")
        throw new SourceError("timeout", source, `query ran longer than ${timeoutMs} ms`);
      throw new SourceError("http", source, `query failed: ${describeError(error, url)}`);
    });
    return { value: parseSqlResult(result.rows, result.fields.length, source) };
  } finally {
    signal?.removeEventListener("abort", abort);
    await close();
  }
};

/**
 * BEGIN READ ONLY, the query, ROLLBACK. After a failure the caller closes the connection, which
 * ends the transaction too (and does not wait behind a query the server is still running).
 */
async function runReadOnly(client: pg.Client, query: string, timeoutMs: number) {
  await client.query("BEGIN READ ONLY");
  // SET takes no bind parameters; timeoutMs is an integer we computed, not configuration text.
  await client.query(`SET LOCAL statement_timeout = ${timeoutMs}`);
  const statement: pg.QueryArrayConfig & { queryMode: "extended" } = {
    text: query,
    rowMode: "array",
    queryMode: "extended",
  };
  const result = await client.query(statement);
  await client.query("ROLLBACK");
  return result;
}
