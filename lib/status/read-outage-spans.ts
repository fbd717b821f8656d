// Outage windows of status-page components that overlap [from, now]. An open outage of a retired
// (disabled) monitor never ends, so it is left out. One query.
import type { Database } from "@/lib/database/client";
import type { OutageSeverity } from "./incident-text";

export type ComponentOutage = {
  componentId: number;
  monitorId: number;
  start: Date;
  end: Date | null;
  severity: OutageSeverity;
};

export async function readOutageSpans(
  db: Database,
  from: Date,
  now: Date,
): Promise<ComponentOutage[]> {
  return db.$queryRaw<ComponentOutage[]>`
    SELECT o.component_id AS "componentId", o.monitor_id AS "monitorId", o.started_at AS start, o.ended_at AS "end",
           o.severity::text AS severity
    FROM outage o JOIN monitor m ON m.id = o.monitor_id
    WHERE o.component_id IS NOT NULL AND o.started_at <= ${now}
      AND coalesce(o.ended_at, 'infinity') > ${from}
      AND (o.ended_at IS NOT NULL OR m.enabled)
    ORDER BY o.started_at`;
}
