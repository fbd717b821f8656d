// The incident history as Atom and RSS feeds, so people and tools can follow the status page
// without visiting it. Built from the snapshot (never a query) with the `feed` library.
//
// What a founder wrote is plain text, and every reader must show exactly that. `feed` (v6) cannot
// say so: it writes each entry's title, summary and content as `type="html"` CDATA in Atom, and
// RSS 2.0's title and description are HTML by convention, with no option for text. So each
// plain-text field goes in as HTML whose rendering is the text itself: escaped, with its line
// breaks as <br> (the status page keeps them too). Escaping `>` also keeps a founder's "]]>" from
// ending the CDATA section early (xml-js only splits the first one).
import { Feed } from "feed";
import { formatStatusTime, impactLabel, incidentStatusLabel } from "./status-labels";
import type { StatusIncident, StatusSnapshot } from "./status-types";

const escapes: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** HTML that a reader renders as exactly `text`, line breaks included. */
export function htmlOfText(text: string): string {
  return text.replace(/[&<>"']/g, (char) => escapes[char]!).replace(/\r?\n/g, "<br>");
}

/** The incident's updates, newest first, as the entry's HTML content. */
function describe(incident: StatusIncident, timeZone: string): string {
  const updates = incident.updates.map(
    (update) =>
      `<p><strong>${incidentStatusLabel[update.status]}</strong> · ` +
      `${htmlOfText(formatStatusTime(update.displayAt, timeZone))}<br>${htmlOfText(update.body)}</p>`,
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
      title: htmlOfText(`${incident.name} (${incidentStatusLabel[incident.status]})`),
      link: incident.shortlink,
      date: new Date(incident.updatedAt),
      published: new Date(incident.createdAt),
      description: htmlOfText(latest?.body ?? incident.name),
      content: describe(incident, page.timeZone),
    });
  }
  return feed;
}
