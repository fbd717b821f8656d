import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SourceError } from "@/lib/errors";
import { parseRankPage, type PageLayout } from "./page-parse";

const page = (name: string) => readFileSync(`tests/fixtures/ranks/${name}`, "utf8");
const where = { source: "alexa", what: "the page of stashbox.test" };

function refusal(body: string, layout: PageLayout): SourceError {
  try {
    parseRankPage(body, layout, where);
  } catch (error) {
    if (error instanceof SourceError) return error;
    throw error;
  }
  throw new Error("expected a SourceError");
}

describe("parseRankPage presets", () => {
  it("reads the 2017 siteinfo page: global rank and the visitors table", () => {
    expect(
      parseRankPage(page("alexa-2017-siteinfo.html"), { preset: "alexa-2017" }, where),
    ).toEqual({
      global: { kind: "exact", rank: 141 },
      countries: [
        { scope: "NZ", value: { kind: "exact", rank: 1 } },
        { scope: "DE", value: { kind: "exact", rank: 95 } },
        { scope: "US", value: { kind: "exact", rank: 118 } },
      ],
    });
  });

  it("reads a 2017 page of an unranked site", () => {
    expect(
      parseRankPage(page("alexa-2017-unranked.html"), { preset: "alexa-2017" }, where),
    ).toEqual({
      global: { kind: "unranked" },
      countries: [],
    });
  });

  it("reads the 2013 siteinfo page, countries by the code in their link", () => {
    expect(
      parseRankPage(page("alexa-2013-siteinfo.html"), { preset: "alexa-2013" }, where),
    ).toEqual({
      global: { kind: "exact", rank: 1402 },
      countries: [
        { scope: "NZ", value: { kind: "exact", rank: 2 } },
        { scope: "DE", value: { kind: "exact", rank: 871 } },
      ],
    });
  });

  it("reads data.alexa.com XML, and an unranked site's answer without POPULARITY", () => {
    expect(parseRankPage(page("alexa-data.xml"), { preset: "alexa-xml" }, where)).toEqual({
      global: { kind: "exact", rank: 141 },
      countries: [{ scope: "NZ", value: { kind: "exact", rank: 1 } }],
    });
    expect(parseRankPage(page("alexa-data-unranked.xml"), { preset: "alexa-xml" }, where)).toEqual({
      global: { kind: "unranked" },
      countries: [],
    });
  });

  it("refuses XML that is no Alexa answer, and a POPULARITY that is no rank", () => {
    const html = refusal(page("alexa-2017-siteinfo.html"), { preset: "alexa-xml" });
    expect(html.message).toBe(
      "alexa: the page of stashbox.test: the answer holds no <ALEXA> element",
    );
    const bad = page("alexa-data.xml").replace('TEXT="141"', 'TEXT="n/a"');
    expect(refusal(bad, { preset: "alexa-xml" }).message).toMatch(
      /POPULARITY TEXT "n\/a" is not a rank/,
    );
  });

  it("refuses a page whose layout changed: the global selector matches nothing", () => {
    const error = refusal(page("alexa-siteinfo-changed.html"), { preset: "alexa-2017" });
    expect(error.kind).toBe("parse");
    expect(error.message).toBe(
      'alexa: the page of stashbox.test: selector ".globleRank strong.metrics-data" matched nothing: the page has changed',
    );
  });

  it("refuses a preset page read with the other era's preset", () => {
    const error = refusal(page("alexa-2013-siteinfo.html"), { preset: "alexa-2017" });
    expect(error.message).toMatch(/matched nothing: the page has changed$/);
  });
});

describe("parseRankPage selectors", () => {
  const body = `<main>
    <p class="rank">#1,234</p>
    <table><tr class="c"><th>New Zealand</th><td>12</td></tr>
    <tr class="c"><th>Côte d'Ivoire</th><td>—</td></tr>
    <tr class="c"><th title="DE">Germany</th><td>12K</td></tr></table>
  </main>`;

  it("reads the global rank and maps country names to codes", () => {
    const layout = {
      selectors: { global: ".rank", countryRow: "tr.c", countryCode: "th", countryRank: "td" },
    };
    expect(parseRankPage(body, layout, where)).toEqual({
      global: { kind: "exact", rank: 1234 },
      countries: [
        { scope: "NZ", value: { kind: "exact", rank: 12 } },
        { scope: "CI", value: { kind: "unranked" } },
        { scope: "DE", value: { kind: "exact", rank: 12_000 } },
      ],
    });
  });

  it("reads the country from an attribute", () => {
    const layout = {
      selectors: {
        countryRow: "tr.c:last-child",
        countryCode: "th",
        countryCodeAttribute: "title",
        countryRank: "td",
      },
    };
    expect(parseRankPage(body, layout, where)).toEqual({
      global: null,
      countries: [{ scope: "DE", value: { kind: "exact", rank: 12_000 } }],
    });
  });

  it("refuses a country it does not know", () => {
    const layout = { selectors: { countryRow: "tr.c", countryCode: "th", countryRank: "td" } };
    const error = refusal(body.replace("Germany", "Atlantis"), layout);
    expect(error.kind).toBe("parse");
    expect(error.message).toBe(
      'alexa: the page of stashbox.test: country row 3 names no known country: "Atlantis"',
    );
    const german = refusal(body.replace("Germany", "Deutschland"), layout);
    expect(german.message).toMatch(/country row 3 names no known country: "Deutschland"/);
  });

  it.each([
    ["matches several elements", { global: "td" }, /selector "td" matched 3 elements, not one/],
    ["is not valid CSS", { global: "p[" }, /selector "p\[" is not valid CSS/],
    [
      "holds no rank",
      { global: "tr.c:first-child th" },
      /the global rank "New Zealand" is not a rank/,
    ],
    [
      "lacks its rank cell",
      { countryRow: "tr.c", countryCode: "th", countryRank: "span" },
      /country row 1 has no "span"/,
    ],
    [
      "has rows without a rank selector",
      { countryRow: "tr.c" },
      /selectors.countryRow needs selectors.countryRank/,
    ],
  ])("refuses a selector that %s", (_name, selectors, message) => {
    expect(refusal(body, { selectors }).message).toMatch(message);
  });
});
