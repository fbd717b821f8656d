import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SourceError } from "@/lib/errors";
import { parseHtmlMetric, type HtmlSelection } from "./html";

const page = (name: string) => readFileSync(`tests/fixtures/metrics/${name}`, "utf8");
const stats = page("stats-page.html");
const changed = page("stats-page-changed.html");
const german = page("stats-page-de.html");

const select = (overrides: Partial<HtmlSelection>): HtmlSelection => ({
  metric: "users",
  type: "counter",
  selector: "#user-count",
  ...overrides,
});

function refusal(fn: () => unknown): SourceError {
  try {
    fn();
  } catch (error) {
    if (error instanceof SourceError) return error;
    throw error;
  }
  throw new Error("expected a SourceError");
}

describe("parseHtmlMetric", () => {
  it("reads the number in the element's text, whatever surrounds it", () => {
    expect(parseHtmlMetric(stats, select({}))).toBe(741_233);
  });

  it("reads an attribute instead of the text", () => {
    expect(parseHtmlMetric(stats, select({ attribute: "data-value" }))).toBe(741_233);
  });

  it("reads suffixed numbers", () => {
    expect(parseHtmlMetric(stats, select({ selector: ".files-stored" }))).toBe(12_400_000);
  });

  it("reads a European page: thousands dots for a counter, a decimal comma for a gauge", () => {
    expect(parseHtmlMetric(german, select({ selector: "#nutzer" }))).toBe(741_233);
    expect(parseHtmlMetric(german, select({ selector: "#daten", type: "gauge" }))).toBe(204.5);
    const share = select({ selector: "#verfuegbarkeit", type: "gauge" });
    expect(() => parseHtmlMetric(german, share)).toThrow('is not one number: "99,2 %"');
  });

  it("calls a selector that matches nothing an empty answer: the page has changed", () => {
    const error = refusal(() => parseHtmlMetric(changed, select({})));
    expect(error.kind).toBe("empty");
    expect(error.message).toBe(
      'metric users: selector "#user-count" matched nothing: the page has changed',
    );
  });

  it("refuses a selector that matches several elements, naming the count", () => {
    const error = refusal(() => parseHtmlMetric(stats, select({ selector: ".user-count" })));
    expect(error.kind).toBe("parse");
    expect(error.message).toMatch(/selector ".user-count" matched 2 elements, not one/);
  });

  it("refuses a missing attribute as empty", () => {
    const error = refusal(() => parseHtmlMetric(stats, select({ attribute: "data-count" })));
    expect(error.kind).toBe("empty");
    expect(error.message).toMatch(/"#user-count" has no data-count attribute/);
  });

  it.each([
    [
      "a dash",
      select({ selector: ".countries" }),
      /the text of ".countries" is not one whole number: "—"/,
    ],
    ["a percent", select({ selector: ".uptime", type: "gauge" }), /is not one number: "99.2%"/],
    [
      "a fraction for a counter",
      select({ selector: ".data-stored" }),
      /not one whole number: "204.5 TB"/,
    ],
    [
      "a date beside the number",
      select({ selector: ".updated" }),
      /not one whole number: "As of Thu, 22 Jan 2026/,
    ],
  ])("refuses %s, quoting the text", (_name, config, message) => {
    const error = refusal(() => parseHtmlMetric(stats, config));
    expect(error.kind).toBe("parse");
    expect(error.message).toMatch(message);
  });

  it("truncates a long text in the message", () => {
    const body = `<p id="n">${"many ".repeat(100)}</p>`;
    const error = refusal(() => parseHtmlMetric(body, select({ selector: "#n" })));
    expect(error.message).toMatch(/"(many ){16}…"$/);
  });

  it("refuses a selector that is not valid CSS", () => {
    const error = refusal(() => parseHtmlMetric(stats, select({ selector: "div[" })));
    expect(error.kind).toBe("parse");
    expect(error.message).toMatch(/selector "div\[" is not valid CSS/);
  });
});
