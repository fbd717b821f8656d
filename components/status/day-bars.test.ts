import { describe, expect, it } from "vitest";
import { dayBars, dayStart, daySeverity, describeDay, incidentsOnDay } from "./day-bars";
import { fixtureIncident, fixtureSnapshot } from "./status-snapshot.fixture";

const day = (outageMinutes: Partial<Record<"degraded" | "partial" | "major", number>>) => ({
  date: "2026-01-12",
  uptime: 1,
  outageMinutes: { degraded: 0, partial: 0, major: 0, ...outageMinutes },
});

describe("a day's colour", () => {
  it("is the worst severity with any minutes that day", () => {
    expect(daySeverity(day({}))).toBe("none");
    expect(daySeverity(day({ degraded: 3 }))).toBe("degraded");
    expect(daySeverity(day({ degraded: 300, partial: 1 }))).toBe("partial");
    expect(daySeverity(day({ degraded: 3, partial: 40, major: 1 }))).toBe("major");
  });

  it("is grey before the component was watched", () => {
    expect(daySeverity({ ...day({}), uptime: null })).toBe("nodata");
  });
});

describe("a day's title", () => {
  it("states the date, the uptime and the minutes of each severity", () => {
    expect(describeDay({ ...day({ major: 26 }), uptime: 1 - 26 / 1440 })).toBe(
      "12 Jan 2026: 98.19% uptime that day, 26 min major outage",
    );
    expect(describeDay({ ...day({ partial: 75, degraded: 5 }), uptime: 0.95 })).toBe(
      "12 Jan 2026: 95% uptime that day, 1 h 15 min partial outage, 5 min degraded performance",
    );
  });

  it("says a good day and an unwatched day plainly, and names the incidents", () => {
    expect(describeDay(day({}))).toBe("12 Jan 2026: 100% uptime that day, no downtime recorded");
    expect(describeDay({ ...day({}), uptime: null })).toBe("12 Jan 2026: No data: not watched yet");
    expect(describeDay({ ...day({ major: 26 }), uptime: 0.99 }, ["Uploads failing"])).toBe(
      "12 Jan 2026: 99% uptime that day, 26 min major outage. Incident: Uploads failing",
    );
  });
});

describe("incidents on a day", () => {
  const incidents = [
    fixtureIncident({
      id: "1",
      name: "Late night",
      componentIds: ["1"],
      startedAt: "2026-01-12T10:30:00Z",
      resolvedAt: "2026-01-12T11:30:00Z",
    }),
    fixtureIncident({
      id: "2",
      name: "Still open",
      status: "investigating",
      componentIds: ["1"],
      startedAt: "2026-01-10T08:00:00Z",
      resolvedAt: null,
    }),
    fixtureIncident({ id: "3", name: "Elsewhere", componentIds: ["9"] }),
  ];
  const now = Date.parse("2026-01-20T12:00:00Z");

  it("counts days in the page's zone", () => {
    expect(new Date(dayStart("2026-01-13", "Pacific/Auckland")).toISOString()).toBe(
      "2026-01-12T11:00:00.000Z",
    );
    // 10:30–11:30 UTC is the evening of the 12th in Auckland, and spills into the 13th.
    expect(incidentsOnDay("1", "2026-01-12", incidents, "Pacific/Auckland", now)).toEqual([
      "Late night",
      "Still open",
    ]);
    expect(incidentsOnDay("1", "2026-01-12", incidents, "UTC", now)).toEqual([
      "Late night",
      "Still open",
    ]);
    expect(incidentsOnDay("1", "2026-01-09", incidents, "UTC", now)).toEqual([]);
    expect(incidentsOnDay("9", "2026-01-12", incidents, "UTC", now)).toEqual([]);
  });

  it("makes 90 bars, the outage day coloured and titled", () => {
    const website = fixtureSnapshot.components[0]!;
    const bars = dayBars(website, fixtureSnapshot.incidents, "UTC", now);
    expect(bars).toHaveLength(90);
    expect(bars.filter((bar) => bar.severity === "major").map((bar) => bar.title)).toEqual([
      "18 Jan 2026: 98.19% uptime that day, 26 min major outage. Incident: Uploads failing",
    ]);
    expect(bars[89]!.heading).toBe("20 Jan 2026");
    // Today is not over: its uptime is so far.
    expect(bars[89]!.lines[0]).toBe("100% uptime so far today");
    expect(bars[88]!.lines[0]).toBe("100% uptime that day");
  });
});
