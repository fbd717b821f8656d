import { describe, expect, it } from "vitest";
import {
  formatDuration,
  incidentName,
  openingBody,
  renameForSeverity,
  resolvedBody,
  worstSeverity,
} from "./incident-text";

describe("incident text", () => {
  it("names an incident after its component and severity", () => {
    expect(incidentName("Uploads and downloads", "major")).toBe(
      "Uploads and downloads: major outage",
    );
    expect(incidentName("API", "degraded")).toBe("API: degraded performance");
  });

  it("renames a generated name when the outage worsens, and leaves a founder's own alone", () => {
    expect(renameForSeverity("API: degraded performance", "major")).toBe("API: major outage");
    expect(renameForSeverity("Slow uploads in Europe", "major")).toBe("Slow uploads in Europe");
  });

  it("says what is wrong in plain words", () => {
    expect(openingBody("Website", "major")).toBe(
      "Website is not responding. We are investigating.",
    );
    expect(openingBody("Website", "partial")).toMatch(/^Some requests to Website are failing/);
    expect(openingBody("Website", "degraded")).toMatch(/more slowly than usual/);
  });

  it("formats how long an incident lasted", () => {
    expect(formatDuration(72 * 60_000)).toBe("1 h 12 min");
    expect(formatDuration(45 * 60_000)).toBe("45 min");
    expect(formatDuration(2 * 3_600_000)).toBe("2 h");
    expect(formatDuration(20_000)).toBe("less than a minute");
    expect(formatDuration((51 * 60 + 5) * 60_000)).toBe("2 d 3 h 5 min");
    expect(resolvedBody(new Date("2026-01-20T10:00:00Z"), new Date("2026-01-20T11:12:00Z"))).toBe(
      "This incident has been resolved. It lasted 1 h 12 min.",
    );
  });

  it("picks the worst severity", () => {
    expect(worstSeverity(["degraded", "major", "partial"])).toBe("major");
    expect(worstSeverity([])).toBeNull();
  });
});
