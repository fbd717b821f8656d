import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";
import noDatabaseInClient from "./tools/eslint/no-database-in-client.mjs";

const config = [
  ...next,
  ...nextTs,
  prettier,
  {
    ignores: [".next/**", "node_modules/**", "data/**", "lib/generated/**", "next-env.d.ts"],
  },
  {
    plugins: { liftoff: { rules: { "no-database-in-client": noDatabaseInClient } } },
    rules: {
      // Repo-relative prefixes and package names that reach the database.
      "liftoff/no-database-in-client": [
        "error",
        {
          modules: [
            "lib/db",
            "lib/database",
            "lib/generated",
            "@prisma/client",
            "@prisma/adapter-pg",
            "pg",
          ],
        },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
];

export default config;
