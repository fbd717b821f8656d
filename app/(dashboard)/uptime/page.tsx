import type { Metadata } from "next";
import { PlannedPage } from "@/components/ui/planned-page";
import { requireFounder } from "../require-founder";

export const metadata: Metadata = { title: "Uptime" };

export default async function UptimePage() {
  await requireFounder();
  return (
    <PlannedPage
      title="Uptime"
      description="Every monitor's history, the outages it saw and what they cost."
      willShow={[
        "uptime bars per monitor over 90 days, and latency over the last day",
        "outage windows with their start, end, duration and severity",
        "the signups lost while the service was down",
      ]}
      filledBy={
        <>
          It is filled from the endpoints under <code>monitors</code> in liftoff.config.yaml, which
          the check-monitors job probes on each monitor’s interval. Their current status is on the
          Overview already.
        </>
      }
    />
  );
}
