// The incident history as Atom and RSS feeds, so people and tools can follow the status page
// without visiting it. Built from the snapshot (never a query) with the `feed` library.
import { Feed } from "feed";
import { formatStatusTime, impactLabel, incidentStatusLabel } from "./status-labels";
import type { StatusIncident, StatusSnapshot } from "./status-types";

const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (char) => escapes[char]!);

/** The incident's updates, newest first, as the entry's HTML content. */
function describe(incident: StatusIncident, timeZone: string): string {
  const updates = incident.updates.map(
    (update) =>
      `<p><strong>${incidentStatusLabel[update.status]}</strong> · ` +
      `${escapeHtml(formatStatusTime(update.displayAt, timeZone))}<br>${escapeHtml(update.body)}</p>`,
  );
  return [`<p>${impactLabel[incident.impact]}</p>`, ...updates].join("\n");
}

export function buildIncidentFeed(snapshot: StatusSnapshot): Feed {
  const { page } = snapshot;
  const feed = new Feed({
    id: page.url,
    title: `${page.name}: incident history`,
    description: `Incidents and their updates, from ${page.name}'s status page.`,
    link: page.url,
    updated: new Date(page.updatedAt),
    generator: "Liftoff",
    feedLinks: {
      atom: new URL("/feed/incidents.atom", page.url).toString(),
      rss: new URL("/feed/incidents.rss", page.url).toString(),
    },
    copyright: page.name,
  });
  for (const incident of snapshot.incidents) {
    const latest = incident.updates[0];
    feed.addItem({
      id: incident.shortlink,
      guid: incident.shortlink,
      title: `${incident.name} (${incidentStatusLabel[incident.status]})`,
      link: incident.shortlink,
      date: new Date(incident.updatedAt),
      published: new Date(incident.createdAt),
      description: latest?.body ?? incident.name,
      content: describe(incident, page.timeZone),
    });
  }
  return feed;
}
