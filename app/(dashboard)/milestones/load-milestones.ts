// What the page prefetches: the answer of GET /api/milestones, read the way the route reads it.
import "server-only";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db";
import { readMilestonesPage } from "@/lib/milestones/queries/read-milestones-page";

export function loadMilestones() {
  return readMilestonesPage(db(), getConfig());
}
