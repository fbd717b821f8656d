// Automatic incidents: every outage of a status-page component gets a public incident, opened,
// worsened and resolved from the outage windows (the rules are in plan-incidents.ts). One
// transaction under an advisory lock, so two workers calling at once write each incident once,
// and running it again changes nothing. Outages of monitors without a component stay private.
import type { Database } from "@/lib/database/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  impactOfSeverity,
  incidentName,
  openingBody,
  renameForSeverity,
  resolvedBody,
} from "./incident-text";
import { type IncidentAction, planAutomaticIncidents } from "./plan-incidents";
import { readIncidentInputs } from "./read-incident-inputs";

type Tx = Prisma.TransactionClient;

async function apply(tx: Tx, action: IncidentAction, now: Date, names: Map<number, string>) {
  switch (action.kind) {
    case "open": {
      const component = names.get(action.componentId) ?? "Service";
      const { startedAt, resolvedAt } = action;
      await tx.incident.create({
        data: {
          name: incidentName(component, action.severity),
          status: resolvedAt ? "resolved" : "investigating",
          impact: impactOfSeverity[action.severity],
          outageId: action.outageId,
          automatic: true,
          startedAt,
          resolvedAt,
          createdAt: now,
          updatedAt: now,
          components: { connect: [{ id: action.componentId }] },
          updates: {
            create: [
              {
                status: "investigating",
                body: openingBody(component, action.severity),
                createdAt: startedAt,
              },
              ...(resolvedAt
                ? [
                    {
                      status: "resolved" as const,
                      body: resolvedBody(startedAt, resolvedAt),
                      createdAt: resolvedAt,
                    },
                  ]
                : []),
            ],
          },
        },
      });
      return;
    }
    case "worsen": {
      const { name } = await tx.incident.findUniqueOrThrow({
        where: { id: action.incidentId },
        select: { name: true },
      });
      await tx.incident.update({
        where: { id: action.incidentId },
        data: {
          impact: impactOfSeverity[action.severity],
          name: renameForSeverity(name, action.severity),
          updatedAt: now,
        },
      });
      return;
    }
    case "resolve":
      await tx.incident.update({
        where: { id: action.incidentId },
        data: {
          status: "resolved",
          resolvedAt: action.resolvedAt,
          updatedAt: now,
          updates: {
            create: {
              status: "resolved",
              body: resolvedBody(action.startedAt, action.resolvedAt),
              createdAt: action.resolvedAt,
            },
          },
        },
      });
  }
}

/**
 * Opens an incident for every outage without one, joins later outages of the same component to
 * its open incident, and resolves incidents whose outages have all ended. Call it after
 * recordOutages; `now` is for tests and back-fills.
 */
export async function syncAutomaticIncidents(
  db: Database,
  now = new Date(),
): Promise<{ opened: number; resolved: number }> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('liftoff:status'), hashtext('auto-incidents'))`;
      const { names, ...input } = await readIncidentInputs(tx, now);
      const actions = planAutomaticIncidents({ ...input, now });
      for (const action of actions) await apply(tx, action, now, names);
      return {
        opened: actions.filter((a) => a.kind === "open").length,
        resolved: actions.filter(
          (a) => a.kind === "resolve" || (a.kind === "open" && a.resolvedAt !== null),
        ).length,
      };
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}
