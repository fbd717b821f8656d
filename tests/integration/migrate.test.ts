import { createHash } from "node:crypto";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { applyMigrations, readMigrations } from "@/lib/database/migrate";
import { createTestDatabase, type TestDatabase } from "../support/database";

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.drop();
  database = undefined;
});

async function history(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
    );
    return rows;
  } finally {
    await client.end();
  }
}

describe("the migration runner", () => {
  it("applies every migration once and records it as Prisma does", async () => {
    database = await createTestDatabase({ migrate: false });
    const migrations = readMigrations();
    expect(await applyMigrations(database.url)).toEqual(migrations.map((m) => m.name));
    expect(await applyMigrations(database.url)).toEqual([]);

    const rows = await history(database.url);
    expect(rows).toHaveLength(migrations.length);
    for (const [i, migration] of migrations.entries()) {
      expect(rows[i].migration_name).toBe(migration.name);
      expect(rows[i].checksum).toBe(createHash("sha256").update(migration.sql).digest("hex"));
      expect(rows[i].finished_at).toBeInstanceOf(Date);
      expect(rows[i].applied_steps_count).toBe(1);
      expect(rows[i].rolled_back_at).toBeNull();
    }
  });

  it("refuses a migration that was edited after it was applied", async () => {
    database = await createTestDatabase({ migrate: false });
    const [first] = readMigrations();
    if (!first) throw new Error("no migrations");
    await applyMigrations(database.url, [first]);
    const edited = { ...first, checksum: "0".repeat(64) };
    await expect(applyMigrations(database.url, [edited])).rejects.toThrow(
      /was changed after it was applied/,
    );
  });

  it("rolls back a failing migration whole and records nothing", async () => {
    database = await createTestDatabase({ migrate: false });
    const broken = {
      name: "20990101000000_broken",
      sql: 'CREATE TABLE "half" (id int); SELECT nope;',
      checksum: "x",
    };
    await expect(applyMigrations(database.url, [broken])).rejects.toThrow(
      /20990101000000_broken failed/,
    );
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const tables = await client.query(
      "SELECT 1 FROM information_schema.tables WHERE table_name = 'half'",
    );
    await client.end();
    expect(tables.rowCount).toBe(0);
    expect(await history(database.url)).toHaveLength(0);
  });

  it("runs safely from two processes at once", async () => {
    database = await createTestDatabase({ migrate: false });
    const results = await Promise.all([
      applyMigrations(database.url),
      applyMigrations(database.url),
    ]);
    expect(results.flat().sort()).toEqual(
      readMigrations()
        .map((m) => m.name)
        .sort(),
    );
  });
});
