// The page as a visitor without JavaScript receives it: server-rendered HTML from a snapshot.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import type { ServedSnapshot, StatusSnapshot } from "@/lib/status/status-types";
import { unknownSnapshot } from "@/lib/status/unknown-snapshot";
import { StatusPageView } from "./status-page-view";
import { fixtureIncident, fixtureSnapshot } from "./status-snapshot.fixture";

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => {} }) }));

function render(snapshot: StatusSnapshot, options: Partial<ServedSnapshot> = {}, page = 1) {
  const served: ServedSnapshot = { snapshot, ageMs: 4_000, stale: false, etag: '"1"', ...options };
  const html = renderToStaticMarkup(
    <StatusPageView served={served} page={page} incidentsPerPage={10} />,
  );
  const text = html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ");
  return { html, text };
}

describe("the status page without JavaScript", () => {
  it("states the status, the components, the bars, the last hour and the incidents", () => {
    const { html, text } = render(fixtureSnapshot);
    expect(text).toContain("All Systems Operational");
    expect(text).toContain("Website Operational");
    expect(text).toContain("API 2 components Operational");
    expect(text).not.toContain("CDN");
    // Website and Uploads are showcased; Sign-in is not.
    expect(html.match(/class="uptime-bar__day /g)).toHaveLength(180);
    expect(html).toContain(
      'title="18 Jan 2026: 98.19% uptime that day, 26 min major outage. Incident: Uploads failing"',
    );
    // Every percentage names its window.
    expect(text).toContain("99.98% uptime over the last 90 days");
    expect(
      text.match(/% uptime(?! over the last 90 days| that day| so far today|, 90 days)/g),
    ).toBeNull();
    expect(text).toContain("99.2% of requests succeeded in the last hour across 360 checks");
    expect(text).toContain("Uploads failing");
    expect(text).toContain("Resolved after 26 min");
    expect(text).toContain("No response times measured in the last 24 hours.");
    expect(html).toContain('href="/api/v2/summary.json"');
    expect(html).toContain('href="/feed/incidents.rss"');
    expect(text).not.toContain("cannot reach its database");
  });

  it("says when the status is stale instead of failing", () => {
    const { text } = render(fixtureSnapshot, { stale: true, ageMs: 12 * 60_000 });
    expect(text).toContain(
      "Liftoff cannot reach its database right now: this page shows the status as of 12:00 UTC, 12 minutes ago.",
    );
    const unknown = render(unknownSnapshot({ ...fixtureSnapshot.page }), { stale: true, ageMs: 0 });
    expect(unknown.text).toContain("Status Unknown");
    expect(unknown.text).toContain("the current status is unknown.");
  });

  it("puts maintenance and an unresolved incident above the components", () => {
    const snapshot: StatusSnapshot = {
      ...fixtureSnapshot,
      status: { indicator: "major", description: "Partial System Outage" },
      incidents: [
        ...fixtureSnapshot.incidents,
        fixtureIncident({
          id: "11",
          name: "Sign-in slow",
          status: "identified",
          impact: "minor",
          startedAt: "2026-01-20T11:00:00Z",
          resolvedAt: null,
          updates: [
            {
              id: "2",
              incidentId: "11",
              status: "identified",
              body: "A slow database query; a fix is rolling out.",
              createdAt: "2026-01-20T11:20:00Z",
              updatedAt: "2026-01-20T11:20:00Z",
              displayAt: "2026-01-20T11:20:00Z",
            },
          ],
        }),
      ],
      maintenances: [
        {
          id: "1",
          name: "Database upgrade",
          body: "Uploads pause for up to 10 minutes.",
          status: "scheduled",
          scheduledFor: "2026-01-22T02:00:00Z",
          scheduledUntil: "2026-01-22T04:00:00Z",
          createdAt: "2026-01-19T00:00:00Z",
          updatedAt: "2026-01-19T00:00:00Z",
          shortlink: "",
          componentIds: ["3"],
        },
      ],
    };
    const { text } = render(snapshot);
    const at = (s: string) => text.indexOf(s);
    expect(text).toContain("Partial System Outage");
    expect(text).toContain("22 Jan 2026, 02:00 – 04:00 UTC Affected: Uploads");
    expect(text).toContain(
      "Identified A slow database query; a fix is rolling out. 20 Jan 2026, 11:20 UTC",
    );
    expect(at("Database upgrade")).toBeLessThan(at("Sign-in slow"));
    expect(at("Sign-in slow")).toBeLessThan(at("Components"));
    expect(at("Components")).toBeLessThan(at("Past incidents"));
  });
});
