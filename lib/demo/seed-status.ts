// The status page's week: the automatic incidents the recorded outages open (syncAutomaticIncidents,
// as check-monitors calls it), dated when the job would have opened them; a founder's update on
// the biggest one; and one maintenance window, announced the day before and completed.
import type { LoadedConfig } from "@/lib/config";
import type { Database } from "@/lib/database/client";
import { syncAutomaticIncidents } from "@/lib/status/auto-incidents";
import { outageEndHour } from "@/simulator/model/outages";
import { atHour } from "@/simulator/model/time";
import type { Scenario } from "@/simulator/scenario";

const MINUTE_MS = 60_000;

const founderUpdate =
  "We found it: the launch-day signup wave exhausted the database's connection pool, and the " +
  "app servers stopped answering while they waited for connections. We have doubled the pool " +
  "and added two app servers. No files were lost; uploads that failed can be retried now.";

/** Incidents for every outage, each dated a minute after its outage opened (the job's delay). */
export async function seedIncidents(db: Database, now: Date): Promise<number> {
  const { opened } = await syncAutomaticIncidents(db, now);
  await db.$executeRaw`
    UPDATE incident SET created_at = started_at + interval '1 minute',
                        updated_at = coalesce(resolved_at, started_at + interval '1 minute')
    WHERE automatic`;
  return opened;
}

/** A founder's word on the longest incident of the worst impact, while it was open. */
export async function seedFounderUpdate(db: Database): Promise<number | null> {
  const [biggest] = await db.$queryRaw<{ id: number; started_at: Date; resolved_at: Date }[]>`
    SELECT id, started_at, resolved_at FROM incident
    WHERE automatic AND resolved_at IS NOT NULL
    ORDER BY array_position(ARRAY['critical','major','minor','none']::incident_impact[], impact),
             resolved_at - started_at DESC
    LIMIT 1`;
  if (!biggest) return null;
  const span = biggest.resolved_at.getTime() - biggest.started_at.getTime();
  const at = new Date(biggest.started_at.getTime() + Math.max(2 * MINUTE_MS, span * 0.4));
  await db.incidentUpdate.create({
    data: { incidentId: biggest.id, status: "identified", body: founderUpdate, createdAt: at },
  });
  return biggest.id;
}

/** A scenario hour for a 30-minute window an hour clear of every outage, within the week. */
function quietHour(scenario: Scenario, weekHours: number): number | null {
  const clear = (h: number) =>
    scenario.outages.every((o) => h + 1.5 < o.startHour || h - 1 > outageEndHour(o));
  return [110, 86, 45, 14, 5].find((h) => h + 2 < weekHours && clear(h)) ?? null;
}

/** One completed maintenance window on a component the monitors feed. */
export async function seedMaintenance(
  db: Database,
  config: LoadedConfig,
  scenario: Scenario,
  weekHours: number,
): Promise<number> {
  const hour = quietHour(scenario, weekHours);
  const key =
    config.monitors.find((m) => m.component && m.key === "api")?.component ??
    config.monitors.find((m) => m.component)?.component;
  if (hour === null || key === undefined) return 0;
  const scheduledFor = atHour(scenario, hour);
  await db.maintenance.create({
    data: {
      name: "Database upgrade",
      body:
        "We are moving the signup database to a larger machine. Sign-ins and downloads keep " +
        "working; new signups may pause for a few seconds.",
      status: "completed",
      scheduledFor,
      scheduledUntil: new Date(scheduledFor.getTime() + 30 * MINUTE_MS),
      createdAt: new Date(scheduledFor.getTime() - 20 * 60 * MINUTE_MS),
      updatedAt: new Date(scheduledFor.getTime() + 27 * MINUTE_MS),
      components: { connect: [{ key }] },
    },
  });
  return 1;
}
