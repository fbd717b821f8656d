// Each test file gets its own PostgreSQL database, migrated, and dropped afterwards. Never a mock.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createDatabase, type Database } from "@/lib/database/client";
import { applyMigrations } from "@/lib/database/migrate";

/** The server tests create their databases on, chosen for the run by tests/support/global-setup.ts. */
export const adminUrl = inject("databaseAdminUrl");

export type TestDatabase = { name: string; url: string; db: Database; drop(): Promise<void> };

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export function databaseUrl(name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Creates an empty database (migrated unless `migrate: false`). */
export async function createTestDatabase(
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const name = `liftoff_test_${randomBytes(5).toString("hex")}`;
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = databaseUrl(name);
  if (options.migrate !== false) await applyMigrations(url);
  const db = createDatabase(url, { max: 4 });
  return {
    name,
    url,
    db,
    async drop() {
      await db.$disconnect();
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
