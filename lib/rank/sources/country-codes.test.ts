import { describe, expect, it } from "vitest";
import { countryCodeOf } from "./country-codes";

describe("countryCodeOf", () => {
  it.each([
    ["NZ", "NZ"],
    ["nz", "NZ"],
    [" DE ", "DE"],
    ["UK", "GB"],
    ["/topsites/countries/NZ", "NZ"],
    ["https://www.alexa.com/topsites/countries/us/", "US"],
    ["/topsites/countries?country=de", "DE"],
    ["New Zealand", "NZ"],
    ["new zealand", "NZ"],
    ["United States", "US"],
    ["United Kingdom", "GB"],
    ["South Korea", "KR"],
    ["Korea, Republic of", "KR"],
    ["Czech Republic", "CZ"],
    ["Czechia", "CZ"],
    ["Côte d’Ivoire", "CI"],
    ["Cote d'Ivoire", "CI"],
    ["Turkey", "TR"],
    ["Türkiye", "TR"],
    ["St. Kitts & Nevis", "KN"],
    ["Hong Kong", "HK"],
  ])("reads %j as %s", (text, code) => {
    expect(countryCodeOf(text)).toBe(code);
  });

  it.each(["XX", "ZZ", "EU", "UN", "Atlantis", "", "Deutschland", "/topsites/countries/", "NZL"])(
    "knows no country in %j",
    (text) => {
      expect(countryCodeOf(text)).toBeNull();
    },
  );
});
