import type { Metadata } from "next";
import { StatusFooter, StatusHeader } from "@/components/status/status-chrome";
import { getServedSnapshot } from "@/lib/status/snapshot-cache";

// A page of the status site that does not exist (a history page past the last, or not a page
// number at all): a plain 404 in the status page's own frame, with the way back to the status.
export const metadata: Metadata = { title: { absolute: "Page not found" } };

export default async function StatusNotFound() {
  const { snapshot } = await getServedSnapshot();
  return (
    <>
      <StatusHeader name={snapshot.page.name} />
      <section className="status-section" aria-labelledby="not-found-title">
        <h1 className="status-section__title" id="not-found-title" data-testid="status-not-found">
          Page not found
        </h1>
        <div className="status-card">
          <p>There is no such page of {snapshot.page.name}&apos;s status.</p>
          <p>
            <a href="/status">See the current status and recent incidents</a>
          </p>
        </div>
      </section>
      <StatusFooter timeZone={snapshot.page.timeZone} />
    </>
  );
}
