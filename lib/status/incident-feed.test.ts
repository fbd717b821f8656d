import { readFileSync } from "node:fs";
import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { buildIncidentFeed } from "./incident-feed";
import { componentBadge, pageBadge } from "./status-badge";
import type { StatusSnapshot } from "./status-types";

const snapshot = JSON.parse(
  readFileSync("tests/fixtures/status/snapshot.json", "utf8"),
) as StatusSnapshot;

describe("the incident feeds", () => {
  it("lists every incident in Atom with its status, link and updates", () => {
    const $ = load(buildIncidentFeed(snapshot).atom1(), { xml: true });
    expect($("feed > title").text()).toBe("Stashbox: incident history");
    const entries = $("entry");
    expect(entries).toHaveLength(snapshot.incidents.length);
    const first = entries.first();
    const incident = snapshot.incidents[0]!;
    expect(first.find("title").text()).toBe(`${incident.name} (Investigating)`);
    expect(first.find("link").attr("href")).toBe(new URL(incident.shortlink).toString());
    expect(first.find("updated").text()).toBe(new Date(incident.updatedAt).toISOString());
    // The content is HTML with each update's status and time in the page's zone.
    const content = load(first.find("content").text());
    expect(content("p strong").first().text()).toBe("Investigating");
    expect(content.text()).toContain(incident.updates[0]!.body);
    expect(content.text()).toMatch(/NZDT|GMT\+13/);
  });

  it("lists the same incidents in RSS 2.0", () => {
    const $ = load(buildIncidentFeed(snapshot).rss2(), { xml: true });
    expect($("rss").attr("version")).toBe("2.0");
    expect(
      $("item > title")
        .map((_, el) => $(el).text())
        .get(),
    ).toEqual(
      snapshot.incidents.map(
        (i) => `${i.name} (${i.status === "resolved" ? "Resolved" : "Investigating"})`,
      ),
    );
    expect($("item > guid").first().text()).toBe(snapshot.incidents[0]!.shortlink);
  });

  it("escapes what a founder wrote", () => {
    const tricky: StatusSnapshot = {
      ...snapshot,
      incidents: [
        {
          ...snapshot.incidents[0]!,
          name: "latency < 200 ms & <b>rising</b>",
          updates: [
            { ...snapshot.incidents[0]!.updates[0]!, body: "<script>alert(1)</script> & more" },
          ],
        },
      ],
    };
    const $ = load(buildIncidentFeed(tricky).atom1(), { xml: true });
    const content = load($("entry content").text());
    expect(content("script")).toHaveLength(0);
    expect(content.text()).toContain("<script>alert(1)</script> & more");
    // Title and summary are HTML too (feed writes them so): rendered, they are the text as written.
    for (const field of ["title", "summary"]) {
      expect($(`entry ${field}`).attr("type")).toBe("html");
      expect(load($(`entry ${field}`).text(), null, false)("*")).toHaveLength(0);
    }
    expect(load($("entry title").text()).text()).toBe(
      "latency < 200 ms & <b>rising</b> (Investigating)",
    );
    expect(load($("entry summary").text()).text()).toBe("<script>alert(1)</script> & more");
  });
});

describe("the status badges", () => {
  it("say the page's status with its colour", () => {
    const svg = pageBadge(snapshot);
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain(snapshot.page.name);
    expect(svg).toContain(snapshot.status.description);
  });

  it("say one component's status, and nothing for an unknown key", () => {
    const uploads = snapshot.components.find((c) => c.key === "uploads")!;
    const svg = componentBadge(snapshot, "uploads")!;
    expect(svg).toContain(uploads.name);
    expect(svg).toContain(uploads.status === "major_outage" ? "Major outage" : "");
    expect(componentBadge(snapshot, "nothing")).toBeNull();
  });
});
