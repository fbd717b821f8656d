#!/usr/bin/env bash
# Prints the SQL that takes the database from the last committed prisma/schema.prisma to the one
# in the working tree, for a new prisma/migrations/<timestamp>_<name>/migration.sql.
# Prisma 7's CLI cannot fetch its native engine here; Prisma 6.19's JavaScript engine can diff two
# schemas offline (docs/decisions/0002). It needs a reachable PostgreSQL (DIFF_DATABASE_URL).
# usage: tools/migration-sql.sh [base-rev]     (default HEAD)
set -euo pipefail
root=$(git rev-parse --show-toplevel)
scratch=${LIFTOFF_PRISMA6_DIR:-$HOME/.cache/liftoff-prisma6}
url=${DIFF_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/postgres}
if [ ! -x "$scratch/node_modules/.bin/prisma" ]; then
  mkdir -p "$scratch" && cd "$scratch"
  npm init -y >/dev/null
  npm install --no-audit --no-fund prisma@6.19.3 @prisma/client@6.19.3 @prisma/adapter-pg@6.19.3 pg >/dev/null
fi
cd "$scratch"
cat > prisma.config.ts <<CONFIG
import { PrismaPg } from "@prisma/adapter-pg";
export default {
  experimental: { adapter: true },
  engine: "js",
  schema: "new.prisma",
  adapter: async () => new PrismaPg({ connectionString: "$url" }),
};
CONFIG
# Prisma 6 wants the URL in the datasource and the classic generator.
to6() { sed -e 's/^  provider = "postgresql"$/  provider = "postgresql"\n  url = env("DATABASE_URL")/' -e '/moduleFormat/d' -e 's/"prisma-client"/"prisma-client-js"/'; }
git -C "$root" show "${1:-HEAD}:prisma/schema.prisma" | to6 > old.prisma
to6 < "$root/prisma/schema.prisma" > new.prisma
DATABASE_URL=$url PRISMA_QUERY_ENGINE_LIBRARY=/bin/true PRISMA_SCHEMA_ENGINE_BINARY=/bin/true CHECKPOINT_DISABLE=1 \
  ./node_modules/.bin/prisma migrate diff --from-schema-datamodel old.prisma --to-schema-datamodel new.prisma --script
