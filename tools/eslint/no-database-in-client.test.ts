// The linter keeps the database out of components and client files.
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const eslint = new ESLint({ cwd: root });

async function ruleIds(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe("liftoff/no-database-in-client", () => {
  it.each([
    ['import { db } from "@/lib/db";', "components/overview/card.tsx"],
    ['import { getDatabase } from "../../lib/database/client";', "components/charts/chart.tsx"],
    ['import { PrismaClient } from "@prisma/client";', "components/x.tsx"],
    [
      '"use client";\nimport { db } from "@/lib/db";\nexport const x = db;',
      "app/(dashboard)/widget.tsx",
    ],
    [
      '"use client";\nconst m = await import("@/lib/generated/prisma/client");\nexport default m;',
      "lib/api-client/x.ts",
    ],
  ])("refuses %s in %s", async (code, file) => {
    expect(await ruleIds(code, file)).toContain("liftoff/no-database-in-client");
  });

  it.each([
    ['import { db } from "@/lib/db";\nexport const x = db;', "app/api/x/route.ts"],
    [
      'import { formatCount } from "@/lib/api-client/format";\nexport const f = formatCount;',
      "components/x.tsx",
    ],
  ])("allows %s in %s", async (code, file) => {
    expect(await ruleIds(code, file)).not.toContain("liftoff/no-database-in-client");
  });
});
