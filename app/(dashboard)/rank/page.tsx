import type { Metadata } from "next";
import { PlannedPage } from "@/components/ui/planned-page";
import { requireFounder } from "../require-founder";

export const metadata: Metadata = { title: "Rank" };

export default async function RankPage() {
  await requireFounder();
  return (
    <PlannedPage
      title="Rank"
      description="How high the service has climbed in the public website rankings, and against whom."
      willShow={[
        "the global rank per source over time (lower is better), exact places and buckets kept apart",
        "the service against the competitors listed in the configuration",
        "the best rank ever reached, and when",
      ]}
      filledBy={
        <>
          It is filled from rank sources for the domains under <code>service</code> and{" "}
          <code>competitors</code> in liftoff.config.yaml, read by a rank job that is still to come.
        </>
      }
    />
  );
}
