import { describe, expect, it } from "vitest";
import {
  growthRequest,
  growthSearch,
  growthSeriesQuery,
  growthSummaryQuery,
  paramsFromRecord,
  parseGrowthState,
  previousPeriodRequest,
  rangeForExtent,
  refreshIntervalFor,
  seriesPath,
  summaryPath,
} from "./growth";

const parse = (query: string) => parseGrowthState(new URLSearchParams(query));
const defaults = {
  metric: "users_total",
  range: "24h",
  from: null,
  to: null,
  unit: "auto",
  tz: null,
};

describe("parseGrowthState", () => {
  it("reads a shared view", () => {
    expect(parse("range=7d&unit=hour&tz=Pacific/Auckland&metric=signups_total")).toEqual({
      metric: "signups_total",
      range: "7d",
      from: null,
      to: null,
      unit: "hour",
      tz: "Pacific/Auckland",
    });
  });

  it("falls back to the defaults for anything unknown", () => {
    expect(parse("")).toEqual(defaults);
    expect(parse("range=2y&unit=week&tz=Mars/Olympus&metric=DROP%20TABLE")).toEqual(defaults);
  });

  it("keeps a custom range only with both bounds in order", () => {
    expect(parse("range=custom&from=2026-01-20T00:00:00Z&to=2026-01-21T12:00:00%2B01:00")).toEqual({
      ...defaults,
      range: "custom",
      from: "2026-01-20T00:00:00.000Z",
      to: "2026-01-21T11:00:00.000Z",
    });
    expect(parse("range=custom&from=2026-01-21T00:00:00Z&to=2026-01-20T00:00:00Z").range).toBe(
      "24h",
    );
    expect(parse("range=custom&from=yesterday").range).toBe("24h");
  });

  it("drops a unit that would give more buckets than the API answers", () => {
    expect(parse("range=30d&unit=minute").unit).toBe("auto");
    expect(parse("range=7d&unit=minute").unit).toBe("auto"); // 10,080 minutes
    expect(parse("range=24h&unit=minute").unit).toBe("minute");
    expect(parse("range=all&unit=minute").unit).toBe("minute");
  });

  it("reads a Next.js searchParams record", () => {
    const state = parseGrowthState(paramsFromRecord({ range: ["1h", "7d"], tz: "UTC" }));
    expect(state).toEqual({ ...defaults, range: "1h", tz: "UTC" });
  });
});

describe("growthSearch", () => {
  it("writes the state in a fixed order and round-trips", () => {
    const state = parse("metric=users_total&tz=UTC&range=7d");
    expect(growthSearch(state)).toBe("range=7d&unit=auto&tz=UTC&metric=users_total");
    const custom = parse("range=custom&from=2026-01-20T00:00:00Z&to=2026-01-21T00:00:00Z");
    expect(parse(growthSearch(custom))).toEqual(custom);
  });

  it("leaves the time zone out until one is chosen", () => {
    expect(growthSearch(parse(""))).toBe("range=24h&unit=auto&metric=users_total");
  });
});

describe("API paths and query keys", () => {
  it("asks the series and summary APIs for the view, in its time zone", () => {
    const request = growthRequest(
      parse("range=custom&from=2026-01-20T00:00:00Z&to=2026-01-21T00:00:00Z"),
      "Pacific/Auckland",
    );
    expect(seriesPath(request)).toBe(
      "/api/growth/series?metric=users_total&range=custom&from=2026-01-20T00%3A00%3A00.000Z&to=2026-01-21T00%3A00%3A00.000Z&tz=Pacific%2FAuckland&unit=auto",
    );
    expect(seriesPath(request, "csv")).toMatch(/&unit=auto&format=csv$/);
    expect(summaryPath({ ...request, range: "7d", tz: null })).toBe(
      "/api/growth/summary?metric=users_total&range=7d",
    );
  });

  it("gives the server and the browser the same keys", () => {
    const server = growthRequest(parseGrowthState(paramsFromRecord({ range: "7d" })), "UTC");
    const browser = growthRequest(parse("range=7d"), "UTC");
    expect(growthSeriesQuery(server).queryKey).toEqual(growthSeriesQuery(browser).queryKey);
    expect(growthSummaryQuery(server).queryKey).toEqual(growthSummaryQuery(browser).queryKey);
    expect(growthSummaryQuery(server).queryKey).toEqual(
      growthSummaryQuery({ ...browser, unit: "day" } as typeof browser).queryKey,
    );
  });
});

describe("refreshIntervalFor", () => {
  const now = Date.parse("2026-01-20T12:00:00Z");
  it("fits the range", () => {
    expect(refreshIntervalFor({ range: "1h", from: null, to: null })).toBe(15_000);
    expect(refreshIntervalFor({ range: "24h", from: null, to: null })).toBe(60_000);
    expect(refreshIntervalFor({ range: "7d", from: null, to: null })).toBe(300_000);
    expect(refreshIntervalFor({ range: "30d", from: null, to: null })).toBe(900_000);
    expect(refreshIntervalFor({ range: "all", from: null, to: null })).toBe(900_000);
  });

  it("follows a live custom range's length and leaves a past one alone", () => {
    const live = {
      range: "custom" as const,
      from: "2026-01-20T10:00:00Z",
      to: "2026-01-20T13:00:00Z",
    };
    expect(refreshIntervalFor(live, now)).toBe(60_000);
    const past = { ...live, to: "2026-01-20T11:00:00Z" };
    expect(refreshIntervalFor(past, now)).toBe(false);
  });
});

describe("previousPeriodRequest", () => {
  const request = growthRequest(parse("range=24h&tz=UTC"), "UTC");
  // 24 h from 00:20 on Jan 20: hour buckets from 00:00, 25 of them.
  const series = (n: number) => ({
    unit: "hour" as const,
    from: "2026-01-20T00:20:00.000Z",
    to: "2026-01-21T00:20:00.000Z",
    points: Array.from({ length: n }, (_, i) => ({
      start: new Date(Date.parse("2026-01-20T00:00:00Z") + i * 3_600_000).toISOString(),
      increase: 1,
      last: i,
    })),
  });

  it("is the series' buckets one range-length earlier", () => {
    expect(previousPeriodRequest(series(25), request)).toEqual({
      metric: "users_total",
      range: "custom",
      from: "2026-01-19T00:00:00.000Z",
      to: "2026-01-20T01:00:00.000Z",
      unit: "hour",
      tz: "UTC",
    });
  });

  it("is nothing for all time or a series too short", () => {
    expect(previousPeriodRequest(series(1), request)).toBeNull();
    expect(previousPeriodRequest(series(5), { ...request, range: "all" })).toBeNull();
  });
});

describe("rangeForExtent", () => {
  const now = new Date("2026-01-27T06:00:00Z");
  const ago = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

  it("opens on the shortest preset that holds all the data", () => {
    expect(rangeForExtent(null, now)).toBe("24h");
    expect(rangeForExtent(ago(0.5), now)).toBe("1h");
    expect(rangeForExtent(ago(20), now)).toBe("24h");
    expect(rangeForExtent(ago(150), now)).toBe("7d");
    expect(rangeForExtent(ago(24 * 20), now)).toBe("30d");
    expect(rangeForExtent(ago(24 * 90), now)).toBe("all");
  });

  it("is the default for a URL without a range, and a URL's own range wins", () => {
    expect(parse("").range).toBe("24h");
    expect(parseGrowthState(new URLSearchParams(""), "7d").range).toBe("7d");
    expect(parseGrowthState(new URLSearchParams("range=1h"), "7d").range).toBe("1h");
    expect(parseGrowthState(new URLSearchParams("range=custom&from=bad"), "7d").range).toBe("7d");
  });
});
