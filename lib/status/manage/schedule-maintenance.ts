// A founder schedules a maintenance window, and later says how it is going (in progress,
// verifying, completed). The clock moves a scheduled window along by itself (page-status.ts).
// The audit trail records who, in the same transaction.
import { type Founder, recordAudit } from "@/lib/audit/record-audit";
import type { Database } from "@/lib/database/client";
import { NotFoundError } from "@/lib/errors";
import type { MaintenanceStatus } from "@/lib/status/status-types";
import { componentIdsOf } from "./component-ids";
import type { MaintenanceInput } from "./manage-schemas";

export async function scheduleMaintenance(db: Database, founder: Founder, input: MaintenanceInput) {
  return db.$transaction(async (tx) => {
    const components = await componentIdsOf(tx, input.components);
    const maintenance = await tx.maintenance.create({
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
    await recordAudit(tx, founder, {
      action: "maintenance.scheduled",
      subjectId: maintenance.id,
      summary: `Scheduled "${maintenance.name}" from ${input.scheduledFor.toISOString()} to ${input.scheduledUntil.toISOString()}`,
    });
    return maintenance;
  });
}

export async function setMaintenanceStatus(
  db: Database,
  founder: Founder,
  id: number | null,
  status: MaintenanceStatus,
) {
  if (id === null) throw new NotFoundError("No such maintenance window.");
  return db.$transaction(async (tx) => {
    const [window] = await tx.maintenance.updateManyAndReturn({
      where: { id },
      data: { status },
      select: { name: true },
    });
    if (!window) throw new NotFoundError("No such maintenance window.");
    await recordAudit(tx, founder, {
      action: "maintenance.updated",
      subjectId: id,
      summary: `Marked "${window.name}" ${status}`,
    });
    return { id, status };
  });
}
