// A founder sets a component's status by hand, or clears it (null) so its monitors decide again;
// the audit trail records who, in the same transaction.
import { type Founder, recordAudit } from "@/lib/audit/record-audit";
import type { Database } from "@/lib/database/client";
import { NotFoundError } from "@/lib/errors";
import type { ComponentStatus } from "@/lib/status/status-types";

export async function setComponentOverride(
  db: Database,
  founder: Founder,
  key: string,
  statusOverride: ComponentStatus | null,
) {
  return db.$transaction(async (tx) => {
    const { count } = await tx.component.updateMany({ where: { key }, data: { statusOverride } });
    if (count === 0) throw new NotFoundError(`No component with the key ${JSON.stringify(key)}.`);
    await recordAudit(tx, founder, {
      action: "component.override",
      subjectId: key,
      summary:
        statusOverride === null
          ? `Cleared the override on ${key}: its monitors decide again`
          : `Set ${key} to ${statusOverride}`,
    });
    return { key, statusOverride };
  });
}
