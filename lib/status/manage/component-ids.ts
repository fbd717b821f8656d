// Component keys, as founders name them, to ids; an unknown key is a 422 naming its place.
import type { Prisma } from "@/lib/generated/prisma/client";
import { ValidationError } from "@/lib/errors";

export async function componentIdsOf(
  tx: Prisma.TransactionClient,
  keys: readonly string[],
): Promise<{ id: number }[]> {
  const unique = [...new Set(keys)];
  if (!unique.length) return [];
  const rows = await tx.component.findMany({
    where: { key: { in: unique } },
    select: { id: true, key: true },
  });
  const byKey = new Map(rows.map((row) => [row.key, row.id]));
  const missing = keys.findIndex((key) => !byKey.has(key));
  if (missing >= 0) {
    throw new ValidationError(
      `components[${missing}]: expected the key of a status-page component, found ${JSON.stringify(keys[missing])}`,
    );
  }
  return unique.map((key) => ({ id: byKey.get(key)! }));
}
