// Which PostgreSQL the tests create their databases on, chosen once per run by the global setup:
// TEST_DATABASE_ADMIN_URL when set; else the machine's at 127.0.0.1:5432 when it lets `postgres`
// in; else the embedded PostgreSQL that `npm start` uses, in a test-only folder on a free port.
import path from "node:path";
import pg from "pg";
import { ensureEmbeddedPostgres } from "@/lib/database/embedded";
import { freePort } from "./free-port";

export const machineAdminUrl = "postgresql://postgres@127.0.0.1:5432/postgres";

/** The embedded cluster's folder: kept between runs (gitignored), so only the first run initdb's. */
export const testDataDir = path.resolve(import.meta.dirname, "../../.test-data");

export type TestPostgres = {
  /** A superuser's URL on the `postgres` database: tests CREATE DATABASE through it. */
  adminUrl: string;
  /** The one line the run prints about it. */
  description: string;
  stop(): Promise<void>;
};

/** Whether `url` lets us in within 2 s (a closed port answers at once). */
async function accepts(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const noStop = async () => undefined;

export async function chooseTestPostgres(env = process.env): Promise<TestPostgres> {
  if (env.TEST_DATABASE_ADMIN_URL) {
    const { host } = new URL(env.TEST_DATABASE_ADMIN_URL);
    return {
      adminUrl: env.TEST_DATABASE_ADMIN_URL,
      description: `PostgreSQL at ${host} (TEST_DATABASE_ADMIN_URL)`,
      stop: noStop,
    };
  }
  // TEST_FORCE_EMBEDDED=1 runs the tests as a machine without a PostgreSQL would.
  if (env.TEST_FORCE_EMBEDDED !== "1" && (await accepts(machineAdminUrl))) {
    return {
      adminUrl: machineAdminUrl,
      description: "the machine's PostgreSQL at 127.0.0.1:5432",
      stop: noStop,
    };
  }
  const embedded = await ensureEmbeddedPostgres(testDataDir, await freePort());
  const adminUrl = new URL(embedded.url);
  adminUrl.pathname = "/postgres";
  const relative = path.relative(process.cwd(), testDataDir) || testDataDir;
  const why =
    env.TEST_FORCE_EMBEDDED === "1"
      ? "TEST_FORCE_EMBEDDED=1"
      : "no PostgreSQL let postgres in at 127.0.0.1:5432";
  return {
    adminUrl: adminUrl.toString(),
    description: `the embedded PostgreSQL in ${relative}/ at ${adminUrl.host} (${why})`,
    stop: () => embedded.stop(),
  };
}
