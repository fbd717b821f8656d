import { describe, expect, it } from "vitest";
import { redactUrl } from "./redact-url";

describe("redactUrl", () => {
  it.each([
    ["userinfo", "https://me:pa55@api.test/v1/ranks", "https://api.test/v1/ranks"],
    [
      "a token",
      "https://api.test/r?token=abc&domain=x.test",
      "https://api.test/r?token=REDACTED&domain=x.test",
    ],
    ["an api key", "https://api.test/r?apikey=abc", "https://api.test/r?apikey=REDACTED"],
    [
      "an underscored key",
      "https://api.test/r?api_key=abc&access_token=t",
      "https://api.test/r?api_key=REDACTED&access_token=REDACTED",
    ],
    [
      "a secret in any case",
      "https://api.test/r?Client-Secret=s",
      "https://api.test/r?Client-Secret=REDACTED",
    ],
    ["a plain key", "https://api.test/r?key=k", "https://api.test/r?key=REDACTED"],
    [
      "nothing secret",
      "https://api.test/r?location=NZ&limit=100",
      "https://api.test/r?location=NZ&limit=100",
    ],
  ])("hides %s", (_name, url, shown) => {
    expect(redactUrl(url)).toBe(shown);
  });

  it("leaves names that only contain a secret word alone", () => {
    expect(redactUrl("https://a.test/?keyword=up&monkey=1")).toBe(
      "https://a.test/?keyword=up&monkey=1",
    );
  });

  it("drops userinfo and the query of something it cannot parse", () => {
    expect(redactUrl("//me:pw@host/x?token=t")).toBe("//host/x");
  });
});
