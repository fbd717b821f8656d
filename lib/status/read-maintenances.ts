// Maintenance windows the page may show: those ending after `since` (upcoming, under way, recently
// done) and any a founder left verifying. Soonest first, with their components.
import type { Database } from "@/lib/database/client";

export async function readMaintenances(db: Database, since: Date) {
  return db.maintenance.findMany({
    where: { OR: [{ scheduledUntil: { gte: since } }, { status: "verifying" }] },
    orderBy: [{ scheduledFor: "asc" }, { id: "asc" }],
    include: { components: { select: { id: true }, orderBy: { id: "asc" } } },
  });
}

export type MaintenanceRow = Awaited<ReturnType<typeof readMaintenances>>[number];
