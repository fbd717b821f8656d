import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // lib/db.ts imports "server-only" to keep Prisma out of client bundles; outside Next it is inert.
      "server-only": path.resolve(import.meta.dirname, "tests/support/server-only.ts"),
    },
  },
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["node_modules/**", ".next/**", "data/**", ".test-data/**"],
    // Chooses the run's PostgreSQL (the machine's, else an embedded one) and Chromium, once.
    globalSetup: ["tests/support/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Integration tests each create their own database, so files may run in parallel; browser and
    // multi-process tests are heavier, and two cores are all we have.
    maxWorkers: 2,
    // A condition polled for (a page updating after a write, a job run recorded) may take seconds
    // while other test files load both cores; a poll that holds returns at once anyway.
    expect: { poll: { timeout: 15_000 } },
    env: { NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" },
  },
});
