// The database, for server code in app/ and lib/. "server-only" makes a client bundle that reaches
// it fail to build; the linter (tools/eslint/no-database-in-client.mjs) says so earlier.
import "server-only";

export { getDatabase as db, type Database } from "@/lib/database/client";
export { Prisma } from "@/lib/generated/prisma/client";
