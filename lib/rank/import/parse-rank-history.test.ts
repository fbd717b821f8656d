import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { parseRankHistory, type RankHistoryOptions } from "./parse-rank-history";

const fixture = (name: string) => readFileSync(`tests/fixtures/ranks/${name}`, "utf8");
const day = (text: string) => new Date(`${text}T00:00:00Z`);

function refusal(fileName: string, text: string, options?: RankHistoryOptions): ValidationError {
  try {
    parseRankHistory(fileName, text, options);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error("expected a ValidationError");
}

describe("parseRankHistory CSV", () => {
  it("reads rows grouped by source, with rank texts, scopes and times", () => {
    expect(parseRankHistory("rank-history.csv", fixture("rank-history.csv"))).toEqual([
      {
        source: "alexa",
        readings: [
          {
            domain: "stashbox.test",
            scope: "global",
            at: day("2013-04-02"),
            value: { kind: "exact", rank: 1402 },
          },
          {
            domain: "stashbox.test",
            scope: "NZ",
            at: day("2013-04-02"),
            value: { kind: "exact", rank: 2 },
          },
          {
            domain: "stashbox.test",
            scope: "global",
            at: day("2013-04-03"),
            value: { kind: "exact", rank: 1210 },
          },
          {
            domain: "boxdrop.test",
            scope: "global",
            at: day("2013-04-03"),
            value: { kind: "unranked" },
          },
          {
            domain: "stashbox.test",
            scope: "NZ",
            at: new Date("2013-04-02T18:00:00Z"),
            value: { kind: "exact", rank: 1 },
          },
        ],
      },
      {
        source: "tranco",
        readings: [
          {
            domain: "stashbox.test",
            scope: "global",
            at: day("2026-01-21"),
            value: { kind: "bucket", min: 200_001, max: null },
          },
          {
            domain: "stashbox.test",
            scope: "global",
            at: day("2026-01-25"),
            value: { kind: "bucket", min: 1, max: 50_000 },
          },
        ],
      },
      {
        source: "radar",
        readings: [
          {
            domain: "stashbox.test",
            scope: "US",
            at: day("2026-01-25"),
            value: { kind: "bucket", min: 1, max: 500 },
          },
        ],
      },
    ]);
  });

  it("takes the columns in any order, without scope, and at for date", () => {
    const text = "source,rank,domain,at\r\ntranco,141,StashBox.test,2026-01-25\r\n";
    expect(parseRankHistory("x.csv", text)).toEqual([
      {
        source: "tranco",
        readings: [
          {
            domain: "stashbox.test",
            scope: "global",
            at: day("2026-01-25"),
            value: { kind: "exact", rank: 141 },
          },
        ],
      },
    ]);
  });

  it.each([
    [
      "a date without its offset",
      "2026-01-25T10:00:00,a.test,tranco,,5",
      'line 2, date: expected YYYY-MM-DD or an ISO 8601 time with its offset, found "2026-01-25T10:00:00"',
    ],
    ["a day that does not exist", "2026-02-30,a.test,tranco,,5", "line 2, date: expected"],
    [
      "a domain that is no domain",
      "2026-01-25,not a domain,tranco,,5",
      'line 2, domain: expected a domain name, found "not a domain"',
    ],
    [
      "a bad source key",
      "2026-01-25,a.test,Tranco List,,5",
      'line 2, source: expected a rank source\'s key, found "Tranco List"',
    ],
    [
      "a bad scope",
      "2026-01-25,a.test,tranco,NZL,5",
      'line 2, scope: expected "global" or a two-letter country code, found "NZL"',
    ],
    [
      "rank 0",
      "2026-01-25,a.test,tranco,,0",
      'line 2, rank: expected a rank such as 141, "1,234", "top 5,000", ">200000" or "-", found "0"',
    ],
    [
      "a rank that is a word",
      "2026-01-25,a.test,tranco,,soon",
      "line 2, rank: expected a rank such as",
    ],
  ])("refuses %s, naming the line and field", (_name, row, message) => {
    const text = `date,domain,source,scope,rank\n${row}\n`;
    const error = refusal("ranks.csv", text);
    expect(error.message).toContain(`ranks.csv ${message}`);
  });

  it("names the line of a bad row after good ones", () => {
    const text = fixture("rank-history.csv").replace(
      "2026-01-25,stashbox.test,radar,US,<=500",
      "2026-01-25,stashbox.test,radar,US,n/a",
    );
    expect(refusal("rank-history.csv", text).message).toMatch(/^rank-history.csv line 9, rank: /);
  });

  it.each([
    ["no header", "2026-01-25,a.test,tranco,,5\n"],
    ["a missing rank column", "date,domain,source\n2026-01-25,a.test,tranco\n"],
    ["an unknown column", "date,domain,source,rank,note\n2026-01-25,a.test,tranco,5,x\n"],
  ])("refuses %s", (_name, text) => {
    expect(refusal("ranks.csv", text).message).toMatch(
      /^ranks.csv line 1: expected the header date,domain,source,scope,rank \(scope optional\), found /,
    );
  });

  it("refuses a row with too many fields, and a broken quote, with csv-parse's line", () => {
    const text = "date,domain,source,scope,rank\n2026-01-25,a.test,tranco,,5,6\n";
    expect(refusal("ranks.csv", text).message).toMatch(
      /^ranks.csv: Invalid Record Length: .* on line 2$/,
    );
    const quote = 'date,domain,source,scope,rank\n2026-01-25,a.test,tranco,,"5\n';
    expect(refusal("ranks.csv", quote).message).toMatch(/^ranks.csv: Quote Not Closed/);
  });

  it("refuses the same reading twice", () => {
    const text =
      "date,domain,source,rank\n2026-01-25,a.test,tranco,5\n2026-01-25T00:00:00Z,a.test,tranco,6\n";
    expect(refusal("ranks.csv", text).message).toBe(
      "line 3 repeats line 2: tranco, a.test, global, 2026-01-25T00:00:00.000Z",
    );
  });

  it("refuses a file with a header only", () => {
    expect(refusal("ranks.csv", "date,domain,source,rank\n").message).toBe(
      "ranks.csv holds no readings",
    );
  });
});

describe("parseRankHistory JSON", () => {
  it("reads numbers, texts and null, with date or at", () => {
    expect(parseRankHistory("rank-history.json", fixture("rank-history.json"))).toEqual([
      {
        source: "tranco",
        readings: [
          {
            domain: "stashbox.test",
            scope: "global",
            at: day("2026-01-21"),
            value: { kind: "exact", rank: 1_382_904 },
          },
          {
            domain: "stashbox.test",
            scope: "global",
            at: day("2026-01-22"),
            value: { kind: "exact", rank: 420_187 },
          },
        ],
      },
      {
        source: "radar",
        readings: [
          {
            domain: "stashbox.test",
            scope: "NZ",
            at: new Date("2026-01-22T09:30:00Z"),
            value: { kind: "exact", rank: 40 },
          },
          {
            domain: "boxdrop.test",
            scope: "NZ",
            at: new Date("2026-01-21T20:30:00Z"),
            value: { kind: "unranked" },
          },
          {
            domain: "stashbox.test",
            scope: "global",
            at: day("2026-01-23"),
            value: { kind: "bucket", min: 200_001, max: null },
          },
        ],
      },
    ]);
  });

  it.each([
    [
      "a fractional rank",
      { date: "2026-01-25", domain: "a.test", source: "tranco", rank: 1.5 },
      "ranks.json [1].rank: expected a rank such as",
    ],
    [
      "a rank of 0",
      { date: "2026-01-25", domain: "a.test", source: "tranco", rank: 0 },
      "ranks.json [1].rank: expected",
    ],
    [
      "a rank of another type",
      { date: "2026-01-25", domain: "a.test", source: "tranco", rank: true },
      "ranks.json [1].rank: expected",
    ],
    [
      "a missing domain",
      { date: "2026-01-25", source: "tranco", rank: 5 },
      "ranks.json [1].domain: expected a string, found nothing",
    ],
    [
      "an unknown key",
      { date: "2026-01-25", domain: "a.test", source: "tranco", rnak: 5, rank: 5 },
      "ranks.json [1]: expected no unknown keys (remove rnak)",
    ],
    [
      "both date and at",
      {
        date: "2026-01-25",
        at: "2026-01-25T00:00:00Z",
        domain: "a.test",
        source: "tranco",
        rank: 5,
      },
      "ranks.json [1].date: expected exactly one of date and at",
    ],
    [
      "neither date nor at",
      { domain: "a.test", source: "tranco", rank: 5 },
      "ranks.json [1].date: expected exactly one of date and at",
    ],
    ["an entry that is no object", 42, "ranks.json [1]: expected a mapping, found number 42"],
  ])("refuses %s, naming the index and field", (_name, entry, message) => {
    const good = { date: "2026-01-24", domain: "a.test", source: "tranco", rank: 5 };
    const error = refusal("ranks.json", JSON.stringify([good, entry]));
    expect(error.message).toContain(message);
  });

  it("refuses what is not an array of readings", () => {
    expect(refusal("ranks.json", "{").message).toMatch(/^ranks.json is not JSON/);
    expect(refusal("ranks.json", '{"ranks":[]}').message).toBe(
      "ranks.json: expected an array of readings, found object",
    );
  });
});

describe("parseRankHistory archived pages", () => {
  const page = (preset: "alexa-2013" | "alexa-2017" | "alexa-xml") => ({
    page: {
      source: "alexa",
      domain: "stashbox.test",
      at: new Date("2013-04-02T09:00:00Z"),
      preset,
    },
  });

  it("reads a 2013 page with the preset, dated by its capture", () => {
    const at = new Date("2013-04-02T09:00:00Z");
    expect(
      parseRankHistory(
        "stashbox-2013.html",
        fixture("alexa-2013-siteinfo.html"),
        page("alexa-2013"),
      ),
    ).toEqual([
      {
        source: "alexa",
        readings: [
          { domain: "stashbox.test", scope: "global", at, value: { kind: "exact", rank: 1402 } },
          { domain: "stashbox.test", scope: "NZ", at, value: { kind: "exact", rank: 2 } },
          { domain: "stashbox.test", scope: "DE", at, value: { kind: "exact", rank: 871 } },
        ],
      },
    ]);
  });

  it("reads an archived XML answer", () => {
    const [batch] = parseRankHistory("data.xml", fixture("alexa-data.xml"), page("alexa-xml"));
    expect(batch!.readings.map((r) => [r.scope, r.value])).toEqual([
      ["global", { kind: "exact", rank: 141 }],
      ["NZ", { kind: "exact", rank: 1 }],
    ]);
  });

  it("refuses a page without its options, and a page the preset cannot read", () => {
    expect(refusal("stashbox.html", fixture("alexa-2013-siteinfo.html")).message).toBe(
      "stashbox.html is an archived page: give its source, domain, capture time and preset",
    );
    expect(
      refusal("stashbox.html", fixture("alexa-siteinfo-changed.html"), page("alexa-2017")).message,
    ).toBe(
      'stashbox.html: the archived alexa-2017 page: selector ".globleRank strong.metrics-data" matched nothing: the page has changed',
    );
  });

  it("refuses a file of another kind", () => {
    expect(refusal("ranks.xlsx", "").message).toBe(
      "ranks.xlsx: expected a .csv, .json, .html or .xml file, found .xlsx",
    );
  });
});
