import type { Metadata } from "next";
import { ActivityList } from "@/components/activity/activity-list";
import { readActivity } from "@/lib/audit/read-activity";
import { db } from "@/lib/db";
import { requireFounder } from "../require-founder";

export const metadata: Metadata = { title: "Activity" };
export const dynamic = "force-dynamic";

export default async function ActivityPage() {
  await requireFounder();
  const now = new Date();
  const entries = await readActivity(db(), now);
  return <ActivityList entries={entries} readAt={now.toISOString()} />;
}
