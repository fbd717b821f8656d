// A founder schedules a maintenance window, and later says how it is going (in progress,
// verifying, completed). The clock moves a scheduled window along by itself (page-status.ts).
import type { Database } from "@/lib/database/client";
import { NotFoundError } from "@/lib/errors";
import type { MaintenanceStatus } from "@/lib/status/status-types";
import { componentIdsOf } from "./component-ids";
import type { MaintenanceInput } from "./manage-schemas";

export async function scheduleMaintenance(db: Database, input: MaintenanceInput) {
  return db.$transaction(async (tx) => {
    const components = await componentIdsOf(tx, input.components);
    return tx.maintenance.create({
      data: {
        name: input.name,
        body: input.body,
        status: "scheduled",
        scheduledFor: input.scheduledFor,
        scheduledUntil: input.scheduledUntil,
        components: { connect: components },
      },
      select: { id: true, name: true, status: true },
    });
  });
}

export async function setMaintenanceStatus(
  db: Database,
  id: number | null,
  status: MaintenanceStatus,
) {
  const { count } =
    id === null
      ? { count: 0 }
      : await db.maintenance.updateMany({ where: { id }, data: { status } });
  if (count === 0) throw new NotFoundError("No such maintenance window.");
  return { id, status };
}
