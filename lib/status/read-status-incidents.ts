// Incidents of the page's history (started or resolved since `from`) and every unresolved one,
// newest first, with their updates (newest first) and components.
import type { Database } from "@/lib/database/client";

export async function readStatusIncidents(db: Database, from: Date) {
  return db.incident.findMany({
    where: {
      OR: [
        { startedAt: { gte: from } },
        { resolvedAt: { gte: from } },
        { status: { notIn: ["resolved", "postmortem"] } },
      ],
    },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    include: {
      updates: { orderBy: [{ createdAt: "desc" }, { id: "desc" }] },
      components: { select: { id: true }, orderBy: { id: "asc" } },
    },
  });
}

export type IncidentRow = Awaited<ReturnType<typeof readStatusIncidents>>[number];
