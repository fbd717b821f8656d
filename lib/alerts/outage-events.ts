// The outages founders hear about: every open outage, every one that opened or closed within the
// last hour (older ones are history by the time a destination is first configured), and every
// closed one a destination was told opened and not yet that it closed; with the monitor, its
// component and the last failed check's error. One query. plan-outage-alerts.ts says why.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OutageSeverity } from "@/lib/uptime/component-status";

/** An outage that opened or closed longer ago than this, when first seen, is not announced. */
export const alertLookbackMs = 3_600_000;

export type OutageEventRow = {
  outageId: number;
  monitorKey: string;
  monitorName: string;
  componentName: string | null;
  severity: OutageSeverity;
  startedAt: Date;
  endedAt: Date | null;
  /** The error of the outage's last failed check (null once raw checks have expired). */
  lastError: string | null;
  lastHttpStatus: number | null;
  /** The destinations (of those asked) told the outage opened and not yet that it closed. */
  toldOpened: string[];
};

/** `closers`: the destinations that want to hear of closings. */
export async function readOutageEvents(
  tx: Prisma.TransactionClient,
  now: Date,
  closers: string[],
): Promise<OutageEventRow[]> {
  const since = new Date(now.getTime() - alertLookbackMs);
  return tx.$queryRaw<OutageEventRow[]>`
    SELECT o.id AS "outageId", m.key AS "monitorKey", m.name AS "monitorName",
           c.name AS "componentName", o.severity::text AS severity,
           o.started_at AS "startedAt", o.ended_at AS "endedAt",
           last.error AS "lastError", last.http_status::int AS "lastHttpStatus",
           told.destinations AS "toldOpened"
    FROM outage o
    JOIN monitor m ON m.id = o.monitor_id
    LEFT JOIN component c ON c.id = o.component_id
    LEFT JOIN LATERAL (
      SELECT ch.error, ch.http_status FROM "check" ch
      WHERE ch.monitor_id = o.monitor_id AND ch.at >= o.started_at AND ch.status > 0
        AND (o.ended_at IS NULL OR ch.at < o.ended_at)
      ORDER BY ch.at DESC LIMIT 1
    ) last ON true
    LEFT JOIN LATERAL (
      SELECT coalesce(array_agg(opened.destination), '{}') AS destinations
      FROM notification opened
      WHERE opened.section = 'alerts' AND opened.subject = 'outage:' || o.id
        AND opened.event = 'outage.opened' AND opened.destination = ANY(${closers}::text[])
        AND NOT EXISTS (
          SELECT 1 FROM notification closed
          WHERE closed.section = 'alerts' AND closed.destination = opened.destination
            AND closed.subject = opened.subject AND closed.event = 'outage.closed')
    ) told ON true
    WHERE o.started_at <= ${now}
      AND (o.ended_at IS NULL OR o.started_at >= ${since} OR o.ended_at >= ${since}
           OR cardinality(told.destinations) > 0)
    ORDER BY o.started_at, o.id`;
}
