// A founder sets a component's status by hand, or clears it (null) so its monitors decide again.
import type { Database } from "@/lib/database/client";
import { NotFoundError } from "@/lib/errors";
import type { ComponentStatus } from "@/lib/status/status-types";

export async function setComponentOverride(
  db: Database,
  key: string,
  statusOverride: ComponentStatus | null,
) {
  const { count } = await db.component.updateMany({ where: { key }, data: { statusOverride } });
  if (count === 0) throw new NotFoundError(`No component with the key ${JSON.stringify(key)}.`);
  return { key, statusOverride };
}
