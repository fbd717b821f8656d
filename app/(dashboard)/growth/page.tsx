import type { Metadata } from "next";
import { PlannedPage } from "@/components/ui/planned-page";
import { requireFounder } from "../require-founder";

export const metadata: Metadata = { title: "Growth" };

export default async function GrowthPage() {
  await requireFounder();
  return (
    <PlannedPage
      title="Growth"
      description="Users, signups and every other metric, over hours, days and weeks."
      willShow={[
        "each metric over a range you pick (24 h, 7 days, 30 days, all time), in your time zone",
        "signups per hour and per day, with the change from the previous period",
        "outage windows and milestones drawn over the curves",
      ]}
      filledBy={
        <>
          It is filled from the metrics declared under <code>sources.metrics</code> in
          liftoff.config.yaml, which the ingest-metrics job samples on its schedule.
        </>
      }
    />
  );
}
