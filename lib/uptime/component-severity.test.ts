import { describe, expect, it } from "vitest";
import { componentSeverity, overlaps } from "./component-severity";

const t = (minute: number) => new Date(Date.UTC(2026, 0, 20, 2, minute));
const span = (start: number, end: number | null) => ({
  start: t(start),
  end: end === null ? null : t(end),
});
const down = (start: number, end: number | null) => ({
  ...span(start, end),
  severity: "major" as const,
});

describe("a down window's severity within its component", () => {
  it("is major for a monitor alone in its component", () => {
    expect(componentSeverity(down(0, 5), [])).toBe("major");
  });

  it("is partial while another monitor of the component stays up", () => {
    expect(componentSeverity(down(0, 5), [[]])).toBe("partial");
    expect(componentSeverity(down(0, 5), [[span(5, 9)]])).toBe("partial");
    expect(componentSeverity(down(0, null), [[span(0, 10)], []])).toBe("partial");
  });

  it("is major when every other monitor was down during it", () => {
    expect(componentSeverity(down(0, 5), [[span(4, 9)]])).toBe("major");
    expect(componentSeverity(down(3, null), [[span(0, null)], [span(9, 12)]])).toBe("major");
  });

  it("keeps a degraded window degraded", () => {
    expect(componentSeverity({ ...span(0, 5), severity: "degraded" }, [[span(0, 5)]])).toBe(
      "degraded",
    );
  });

  it("treats windows as half-open: one ending as the other starts never overlaps it", () => {
    expect(overlaps(span(0, 5), span(5, 9))).toBe(false);
    expect(overlaps(span(0, null), span(5, 9))).toBe(true);
    expect(overlaps(span(6, null), span(5, null))).toBe(true);
  });
});
