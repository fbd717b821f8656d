// Prisma CLI configuration. The datasource URL is only needed by CLI commands that talk to a
// database (`prisma migrate deploy` on a machine with internet); Liftoff applies migrations itself
// (lib/db/migrate.ts), so a missing DATABASE_URL here is not an error.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/liftoff" },
});
