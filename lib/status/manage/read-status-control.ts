// What the founders' status controls show: every component (in page order) with its override,
// incidents open or started in the last 14 days (newest first, with their latest update), and
// maintenance that is not over yet or ended in the last 7 days.
import type { Database } from "@/lib/database/client";
import type { StatusControlData } from "./status-control-types";

const DAY = 86_400_000;

/** Page order: each top-level component (already by position, name) followed by its children. */
function pageOrder<T extends { id: number; group: { id: number } | null }>(sorted: T[]): T[] {
  const children = (id: number) => sorted.filter((c) => c.group?.id === id);
  const known = new Set(sorted.map((c) => c.id));
  return sorted
    .filter((c) => !c.group || !known.has(c.group.id))
    .flatMap((c) => [c, ...children(c.id)]);
}

export async function readStatusControl(
  db: Database,
  now = new Date(),
): Promise<StatusControlData> {
  const [components, incidents, maintenances] = await Promise.all([
    db.component.findMany({
      orderBy: [{ position: "asc" }, { name: "asc" }],
      select: {
        id: true,
        key: true,
        name: true,
        statusOverride: true,
        group: { select: { id: true, name: true } },
      },
    }),
    db.incident.findMany({
      where: {
        OR: [
          { status: { notIn: ["resolved", "postmortem"] } },
          { startedAt: { gte: new Date(now.getTime() - 14 * DAY) } },
        ],
      },
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      take: 50,
      include: {
        components: { select: { name: true }, orderBy: { position: "asc" } },
        updates: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1 },
      },
    }),
    db.maintenance.findMany({
      where: { scheduledUntil: { gte: new Date(now.getTime() - 7 * DAY) } },
      orderBy: [{ scheduledFor: "asc" }, { id: "asc" }],
      take: 50,
      include: { components: { select: { name: true }, orderBy: { position: "asc" } } },
    }),
  ]);
  return {
    generatedAt: now.toISOString(),
    components: pageOrder(components).map((c) => ({
      key: c.key,
      name: c.name,
      group: c.group?.name ?? null,
      statusOverride: c.statusOverride,
    })),
    incidents: incidents.map((i) => ({
      id: i.id,
      name: i.name,
      status: i.status,
      impact: i.impact,
      automatic: i.automatic,
      startedAt: i.startedAt.toISOString(),
      resolvedAt: i.resolvedAt?.toISOString() ?? null,
      components: i.components.map((c) => c.name),
      latestUpdate: i.updates[0]
        ? {
            status: i.updates[0].status,
            body: i.updates[0].body,
            at: i.updates[0].createdAt.toISOString(),
          }
        : null,
    })),
    maintenances: maintenances.map((m) => ({
      id: m.id,
      name: m.name,
      body: m.body,
      status: m.status,
      scheduledFor: m.scheduledFor.toISOString(),
      scheduledUntil: m.scheduledUntil.toISOString(),
      components: m.components.map((c) => c.name),
    })),
  };
}
