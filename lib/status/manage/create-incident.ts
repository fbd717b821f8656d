// A founder opens an incident by hand, with its first update. Never automatic: the outage rules
// leave it alone. The audit trail records who opened it, in the same transaction.
import { type Founder, recordAudit } from "@/lib/audit/record-audit";
import type { Database } from "@/lib/database/client";
import { componentIdsOf } from "./component-ids";
import { incidentTimes } from "./incident-times";
import type { CreateIncidentInput } from "./manage-schemas";

export async function createIncident(
  db: Database,
  founder: Founder,
  input: CreateIncidentInput,
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    const components = await componentIdsOf(tx, input.components);
    const incident = await tx.incident.create({
      data: {
        name: input.name,
        status: input.status,
        impact: input.impact,
        automatic: false,
        startedAt: now,
        ...incidentTimes(input.status, now),
        createdAt: now,
        updatedAt: now,
        components: { connect: components },
        updates: { create: { status: input.status, body: input.body, createdAt: now } },
      },
      select: { id: true, name: true, status: true, resolvedAt: true },
    });
    await recordAudit(
      tx,
      founder,
      {
        action: "incident.created",
        subjectId: incident.id,
        summary: `Opened "${incident.name}" (${input.status}, ${input.impact} impact)`,
      },
      now,
    );
    return incident;
  });
}
