import { describe, expect, it } from "vitest";
import { historyPageOf, incidentPageHref, pageIncidents, parsePageParam } from "./incident-pages";
import { fixtureIncident } from "./status-snapshot.fixture";

// Twelve resolved incidents a day apart (newest "Incident 12") and one still open.
const resolved = Array.from({ length: 12 }, (_, i) =>
  fixtureIncident({
    id: String(i + 1),
    name: `Incident ${i + 1}`,
    startedAt: new Date(Date.parse("2026-01-01T10:00:00Z") + i * 86_400_000).toISOString(),
  }),
);
const open = fixtureIncident({
  id: "99",
  name: "Uploads failing",
  status: "identified",
  startedAt: "2025-12-30T10:00:00Z",
  resolvedAt: null,
});
const incidents = [...resolved, open];

describe("the page number", () => {
  it("reads a plain page number and nothing else", () => {
    expect(parsePageParam("2")).toBe(2);
    expect(parsePageParam("140")).toBe(140);
    for (const bad of [undefined, "", "0", "-3", "abc", "2x", "2.5", "02", " 2", "1e3", "9999999"])
      expect(parsePageParam(bad), String(bad)).toBeNull();
    expect(parsePageParam(["2", "3"])).toBeNull();
  });

  it("sends page 1 to /status, and anything not a page of the history to a 404", () => {
    expect(historyPageOf("2", 3)).toEqual({ page: 2 });
    expect(historyPageOf("3", 3)).toEqual({ page: 3 });
    expect(historyPageOf("1", 3)).toBe("first");
    expect(historyPageOf("4", 3)).toBe("missing");
    expect(historyPageOf("2", 1)).toBe("missing");
    expect(historyPageOf("abc", 3)).toBe("missing");
    expect(historyPageOf("2x", 3)).toBe("missing");
  });

  it("links back to the first page without a query", () => {
    expect(incidentPageHref(1)).toBe("/status#history");
    expect(incidentPageHref(3)).toBe("/status/history/3#history");
  });
});

describe("paging the history", () => {
  it("keeps unresolved incidents on top of every page and pages the rest, newest first", () => {
    const first = pageIncidents(incidents, 1, 5);
    expect(first.unresolved.map((i) => i.name)).toEqual(["Uploads failing"]);
    expect(first.history.map((i) => i.name)).toEqual([
      "Incident 12",
      "Incident 11",
      "Incident 10",
      "Incident 9",
      "Incident 8",
    ]);
    expect(first).toMatchObject({ page: 1, pageCount: 3, total: 12 });

    const last = pageIncidents(incidents, 3, 5);
    expect(last.unresolved).toHaveLength(1);
    expect(last.history.map((i) => i.name)).toEqual(["Incident 2", "Incident 1"]);
  });

  it("shows the last page for a page past the end, and one empty page without incidents", () => {
    expect(pageIncidents(incidents, 40, 5).page).toBe(3);
    expect(pageIncidents([], 2, 10)).toEqual({
      unresolved: [],
      history: [],
      page: 1,
      pageCount: 1,
      total: 0,
    });
  });

  it("counts a postmortem as resolved", () => {
    const postmortem = fixtureIncident({ id: "7", name: "Written up", status: "postmortem" });
    expect(pageIncidents([postmortem], 1, 10).history).toHaveLength(1);
  });
});
