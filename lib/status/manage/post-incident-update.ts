// A founder posts an update to any incident, automatic or not: the update is stored and the
// incident takes its status (resolved sets resolvedAt, monitoring sets monitoringAt). The audit
// trail records who, in the same transaction.
import { type Founder, recordAudit } from "@/lib/audit/record-audit";
import type { Database } from "@/lib/database/client";
import { NotFoundError } from "@/lib/errors";
import { incidentTimes } from "./incident-times";
import type { IncidentUpdateInput } from "./manage-schemas";

export async function postIncidentUpdate(
  db: Database,
  founder: Founder,
  incidentId: number | null,
  input: IncidentUpdateInput,
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    const current =
      incidentId === null
        ? null
        : await tx.incident.findUnique({
            where: { id: incidentId },
            select: { name: true, monitoringAt: true, resolvedAt: true },
          });
    if (!current || incidentId === null) throw new NotFoundError("No such incident.");
    await recordAudit(
      tx,
      founder,
      {
        action: input.status === "resolved" ? "incident.resolved" : "incident.updated",
        subjectId: incidentId,
        summary: `Posted a ${input.status} update to "${current.name}"`,
      },
      now,
    );
    return tx.incident.update({
      where: { id: incidentId },
      data: {
        status: input.status,
        ...incidentTimes(input.status, now, current),
        updatedAt: now,
        updates: { create: { status: input.status, body: input.body, createdAt: now } },
      },
      select: { id: true, status: true, monitoringAt: true, resolvedAt: true },
    });
  });
}
