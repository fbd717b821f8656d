// The incident feeds say exactly what founders wrote. Incident names and updates full of markup
// characters are written through the founders' API (the real route handlers, with a signed-in
// founder's session) into a real PostgreSQL; the real /feed routes serve the snapshot built from
// it; a feed parser (feedsmith) reads the Atom and the RSS back, and what a reader would show,
// each field rendered as the type it declares (HTML rendered to its text, text as it is), equals
// what was written.
import { load } from "cheerio";
import { parseAtomFeed, parseRssFeed } from "feedsmith";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  answerOf,
  founderRequest,
  type FounderSession,
  startFounderSession,
} from "../support/founder-session";

const configText = `service: { name: Stashbox, domain: stashbox.test }
components:
  - { key: web, name: Website }`;

/** Each incident as written: its name, its status at the end, its updates' bodies oldest first. */
const written = [
  {
    name: "latency < 200 ms & <b>rising</b>",
    status: "Monitoring",
    bodies: [
      `p95 "jumped" to 450 ms; it's <i>not</i> the CDN & we're on it`,
      "Fixed ]]> nothing yet: <![CDATA[ still & &amp; &lt;b&gt; 🚀",
      "Line one\nLine <two> & 'three' 🧯",
    ],
  },
  {
    name: `Uploads ]]> broken 🔥 'single' "double" <script>alert(1)</script>`,
    status: "Resolved",
    bodies: ["<p>Not a paragraph</p> &nbsp; &#x41;", "All uploads work again. ✅"],
  },
];

let session: FounderSession;

/** What a reader shows for a field: HTML rendered to its text (a <br> as a new line), else text. */
function shown(value: string | undefined, type: string): string {
  if (value === undefined) throw new Error("the feed left out a field");
  if (type === "text") return value;
  expect(type).toBe("html");
  const $ = load(value, null, false);
  $("br").replaceWith("\n");
  return $.root().text();
}

/** The updates' bodies an entry's HTML content shows, newest first (each after its status line). */
function bodiesShown(html: string | undefined): string[] {
  const $ = load(html ?? "", null, false);
  $("br").replaceWith("\n");
  const updates = $("p").slice(1);
  return updates.map((_, p) => $(p).text().split("\n").slice(1).join("\n")).get();
}

async function read(route: "incidents.atom" | "incidents.rss"): Promise<string> {
  const { GET } = await (route === "incidents.atom"
    ? import("@/app/feed/incidents.atom/route")
    : import("@/app/feed/incidents.rss/route"));
  const response = await GET(new Request(`https://liftoff.stashbox.test/feed/${route}`));
  expect(response.status).toBe(200);
  return response.text();
}

/** Sends one founder's action to its route handler; expects it accepted (201) and returns it. */
async function send(
  handler: (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>,
  pathname: string,
  body: unknown,
  id = "",
): Promise<{ id: number }> {
  const request = founderRequest(session, pathname, { body });
  const answer = await answerOf(await handler(request, { params: Promise.resolve({ id }) }));
  expect(answer.status).toBe(201);
  return answer.body as { id: number };
}

beforeAll(async () => {
  session = await startFounderSession(configText);
  const incidents = await import("@/app/api/status-admin/incidents/route");
  const updates = await import("@/app/api/status-admin/incidents/[id]/updates/route");
  for (const incident of written) {
    const [first, ...later] = incident.bodies;
    const opened = { name: incident.name, status: "investigating", impact: "minor", body: first };
    const { id } = await send(incidents.POST, "/api/status-admin/incidents", {
      ...opened,
      components: ["web"],
    });
    for (const [index, body] of later.entries()) {
      const status = index === later.length - 1 ? incident.status.toLowerCase() : "identified";
      const pathname = `/api/status-admin/incidents/${id}/updates`;
      await send(updates.POST, pathname, { status, body }, String(id));
    }
  }
});

afterAll(() => session?.end());

// The feeds list the newest incident first, and each incident's updates newest first.
const newestFirst = [...written].reverse();
const titles = newestFirst.map((incident) => `${incident.name} (${incident.status})`);
const latestBodies = newestFirst.map((incident) => incident.bodies.at(-1)!);
const allBodies = newestFirst.map((incident) => [...incident.bodies].reverse());

describe("the incident feeds read back", () => {
  it("show in Atom exactly what was written: names, the latest update, every update", async () => {
    const feed = parseAtomFeed(await read("incidents.atom"));
    const entries = feed.entries ?? [];
    expect(entries.map((entry) => shown(entry.title?.value, entry.title?.type ?? "text"))).toEqual(
      titles,
    );
    expect(
      entries.map((entry) => shown(entry.summary?.value, entry.summary?.type ?? "text")),
    ).toEqual(latestBodies);
    expect(entries.map((entry) => entry.content?.type)).toEqual(["html", "html"]);
    expect(entries.map((entry) => bodiesShown(entry.content?.value))).toEqual(allBodies);
  });

  it("show in RSS exactly what was written, its HTML fields rendered as a reader does", async () => {
    const feed = parseRssFeed(await read("incidents.rss"));
    const items = feed.items ?? [];
    expect(items.map((item) => shown(item.title, "html"))).toEqual(titles);
    expect(items.map((item) => shown(item.description, "html"))).toEqual(latestBodies);
    expect(items.map((item) => bodiesShown(item.content?.encoded))).toEqual(allBodies);
  });

  it("carry no markup of the founders' own: no element a reader would run or style", async () => {
    for (const route of ["incidents.atom", "incidents.rss"] as const) {
      const xml = await read(route);
      const $ = load(xml, { xml: true });
      const fields = $("entry > *, item > *")
        .map((_, el) => $(el).text())
        .get();
      const elements = fields.flatMap((html) =>
        load(
          html,
          null,
          false,
        )("*")
          .map((_, el) => (el as { tagName: string }).tagName)
          .get(),
      );
      expect(new Set(elements)).toEqual(new Set(["p", "strong", "br"]));
    }
  });
});
