// Every component of the page with its enabled monitors and when it was first watched: the
// earliest check (or check rollup, which outlives raw checks) of any of its monitors. One query.
import type { Database } from "@/lib/database/client";
import type { ComponentStatus } from "./status-types";

export type ComponentRow = {
  id: number;
  key: string;
  name: string;
  description: string | null;
  groupId: number | null;
  position: number;
  showcase: boolean;
  onlyShowIfDegraded: boolean;
  statusOverride: ComponentStatus | null;
  createdAt: Date;
  updatedAt: Date;
  watchedFrom: Date | null;
  /** Its enabled monitors. */
  monitorIds: number[];
};

/** In page order: position, then name. */
export async function readStatusComponents(db: Database): Promise<ComponentRow[]> {
  return db.$queryRaw<ComponentRow[]>`
    SELECT c.id, c.key, c.name, c.description, c.group_id AS "groupId", c.position, c.showcase,
           c.only_show_if_degraded AS "onlyShowIfDegraded",
           c.status_override::text AS "statusOverride",
           c.created_at AS "createdAt", c.updated_at AS "updatedAt",
           (SELECT min(least(
                     (SELECT min(at) FROM "check" WHERE monitor_id = m.id),
                     (SELECT min(start) FROM check_rollup
                      WHERE monitor_id = m.id AND bucket = 'minute')))
            FROM monitor m WHERE m.component_id = c.id) AS "watchedFrom",
           coalesce((SELECT array_agg(m.id ORDER BY m.id) FROM monitor m
                     WHERE m.component_id = c.id AND m.enabled), '{}')::int[] AS "monitorIds"
    FROM component c
    ORDER BY c.position, c.name, c.id`;
}
