// The Prisma client, on the `pg` driver adapter (no native engine). Processes get their URL from
// DATABASE_URL, which the launcher sets to the embedded server when the user did not.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Database = PrismaClient;

export function createDatabase(url: string, options: { max?: number } = {}): Database {
  const adapter = new PrismaPg({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: 5_000,
  });
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as unknown as { liftoffDb?: Database };

/** This process's shared client, from DATABASE_URL. */
export function getDatabase(): Database {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set: start Liftoff with `npm start`, which provides the embedded database, or set it.",
    );
  }
  globalForDb.liftoffDb ??= createDatabase(url);
  return globalForDb.liftoffDb;
}
