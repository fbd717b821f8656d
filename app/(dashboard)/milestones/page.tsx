import type { Metadata } from "next";
import { PlannedPage } from "@/components/ui/planned-page";
import { requireFounder } from "../require-founder";

export const metadata: Metadata = { title: "Milestones" };

export default async function MilestonesPage() {
  await requireFounder();
  return (
    <PlannedPage
      title="Milestones"
      description="What the service achieved, and the posts announcing it."
      willShow={[
        "each milestone reached (1,000,000 users, top 150 globally, a new best rank, an outage over) and when",
        "the posts to X, Mastodon, Bluesky and webhooks, and whether each was sent",
        "posts waiting for your approval",
      ]}
      filledBy={
        <>
          It is filled from the rules under <code>milestones</code> and the accounts under{" "}
          <code>channels</code> in liftoff.config.yaml.
        </>
      }
    />
  );
}
