// The audit trail as the Activity page and GET /api/activity show it: the last 90 days, newest
// first.
import type { Database } from "@/lib/database/client";

export const activityDays = 90;
const dayMs = 86_400_000;

export type ActivityEntry = {
  id: number;
  at: string;
  founderEmail: string;
  action: string;
  subjectType: string;
  subjectId: string;
  summary: string;
};

export async function readActivity(
  db: Database,
  now = new Date(),
  limit = 500,
): Promise<ActivityEntry[]> {
  const rows = await db.auditEntry.findMany({
    where: { at: { gte: new Date(now.getTime() - activityDays * dayMs) } },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      at: true,
      founderEmail: true,
      action: true,
      subjectType: true,
      subjectId: true,
      summary: true,
    },
  });
  return rows.map((row) => ({ ...row, at: row.at.toISOString() }));
}
