// Every rank source kind read against a frozen launch simulator and compared with its model, then
// the faults a real source has, served by local HTTP servers. No database is needed.
import { strToU8, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parseConfig } from "@/lib/config";
import type { RankSourceConfig } from "@/lib/config/schema";
import { SourceError } from "@/lib/errors";
import { cruxBucket, radarBucket } from "@/lib/rank/rank-text";
import type { RankReading, RankValue } from "@/lib/rank/rank-types";
import { readRankSource } from "@/lib/rank/sources";
import {
  atHour,
  cloudflareBucket,
  formatDay,
  HOUR_MS,
  publishedAt,
  rankAt,
  scopesOf,
} from "@/simulator/model";
import { launchWeek, startFrozenSimulator, type FrozenSimulator } from "../simulator/support";
import { startHttpServer, type Handler } from "../support/http-server";

const hour = 140;
const t = atHour(launchWeek, hour);
const now = new Date(Date.UTC(2026, 0, 25, 20, 0)); // the run's clock: API readings' `at`, lists' never
const tracked = [
  launchWeek.service.domain,
  ...launchWeek.competitors.map((c) => c.domain),
  "nobody.test",
];
const radarTokenEnv = "LIFTOFF_TEST_RADAR_TOKEN";
let simulator: FrozenSimulator;

beforeAll(async () => {
  vi.stubEnv("SIM_RADAR_TOKEN", undefined);
  vi.stubEnv(radarTokenEnv, "sim-radar-token");
  simulator = await startFrozenSimulator(hour);
});
afterAll(async () => {
  await simulator?.close();
  vi.unstubAllEnvs();
});

/** One rank source, validated by the real configuration schema. */
function rankSource(source: Record<string, unknown>): RankSourceConfig {
  const config = {
    service: { name: "Stashbox", domain: "stashbox.test" },
    sources: { ranks: [source] },
  };
  return parseConfig(JSON.stringify(config), "rank-sources.test.yaml").sources.ranks[0]!;
}

function read(config: RankSourceConfig, domains = tracked, signal = new AbortController().signal) {
  return readRankSource(config, { domains, signal, now });
}

function sorted(readings: RankReading[]): RankReading[] {
  const key = (r: RankReading) => `${r.domain} ${r.scope} ${r.at.toISOString()}`;
  return [...readings].sort((a, b) => key(a).localeCompare(key(b)));
}

/** What a downloaded list says of a domain: its rank if the list is long enough to hold it. */
function listed(
  rank: number | null,
  toValue = (r: number): RankValue => ({ kind: "exact", rank: r }),
) {
  return rank !== null && rank <= launchWeek.listLength
    ? toValue(rank)
    : { kind: "unranked" as const };
}

function expectedList(
  source: "tranco" | "majestic" | "umbrella" | "crux",
  toValue?: (r: number) => RankValue,
) {
  const at = publishedAt(launchWeek, source, t);
  return sorted(
    tracked.map((domain) => ({
      domain,
      scope: "global",
      at,
      value: listed(rankAt(launchWeek, domain, source, "global", t), toValue),
    })),
  );
}

async function refusal(promise: Promise<unknown>): Promise<SourceError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SourceError);
  return error as SourceError;
}

describe("against the launch simulator", () => {
  it("dates every list by its Last-Modified, the start of its publication day", async () => {
    for (const [path, source] of [
      ["/tranco/top-1m.csv.zip", "tranco"],
      ["/umbrella/top-1m.csv.zip", "umbrella"],
      ["/majestic/majestic_million.csv", "majestic"],
      ["/crux/current.csv", "crux"],
      ["/alexa/siteinfo/stashbox.test", "alexa"],
      ["/alexa/data?cli=10&url=stashbox.test", "alexa"],
    ] as const) {
      const response = await simulator.get(path);
      await response.arrayBuffer();
      expect(response.headers.get("last-modified"), path).toBe(
        publishedAt(launchWeek, source, t).toUTCString(),
      );
    }
    expect(publishedAt(launchWeek, "tranco", t).toISOString()).toBe("2026-01-25T00:00:00.000Z");
  });

  it("reads the Tranco list: exact where listed, unranked where not", async () => {
    const config = rankSource({
      kind: "tranco",
      key: "tranco",
      listUrl: `${simulator.url}/tranco/top-1m.csv.zip`,
    });
    const readings = await read(config);
    expect(sorted(readings)).toEqual(expectedList("tranco"));
    expect(readings.filter((r) => r.value.kind === "exact").length).toBeGreaterThanOrEqual(3);
    expect(readings.find((r) => r.domain === "nobody.test")?.value).toEqual({ kind: "unranked" });
  });

  it("back-fills 30 days from the Tranco API, paced; today at the fetch, past days at their end", async () => {
    const config = rankSource({
      kind: "tranco",
      key: "tranco",
      apiUrl: `${simulator.url}/tranco/api`,
      pace: "10ms",
    });
    const notes: string[] = [];
    const readings = await readRankSource(config, {
      domains: tracked,
      signal: new AbortController().signal,
      now,
      note: (message) => notes.push(message),
    });
    const expected = tracked.flatMap((domain) =>
      Array.from(
        { length: 30 },
        (_, age) => new Date(+publishedAt(launchWeek, "tranco", t) - age * 24 * HOUR_MS),
      )
        .map((day, age) => ({
          day,
          age,
          rank: rankAt(launchWeek, domain, "tranco", "global", day),
        }))
        .filter(({ rank }) => rank !== null)
        .map(({ day, age, rank }): RankReading => ({
          domain,
          scope: "global",
          // The list day still running is read at the fetch; a past day stands to its end.
          at: age === 0 ? now : new Date(`${formatDay(day)}T23:59:59.999Z`),
          value: { kind: "exact", rank: rank! },
        })),
    );
    expect(expected.length).toBeGreaterThan(30);
    expect(sorted(readings)).toEqual(sorted(expected));
    expect(notes).toContain(`backfilled 30 days of boxdrop.test`);
  });

  it("with list and API, keeps the list's reading of its day and adds the API's others", async () => {
    const both = rankSource({
      kind: "tranco",
      key: "tranco",
      listUrl: `${simulator.url}/tranco/top-1m.csv.zip`,
      apiUrl: `${simulator.url}/tranco/api`,
      pace: "10ms",
    });
    const readings = await read(both, ["stashbox.test", "nobody.test"]);
    const listDay = publishedAt(launchWeek, "tranco", t);
    const onListDay = readings.filter((r) => +r.at === +listDay);
    expect(sorted(onListDay)).toEqual(
      expectedList("tranco").filter((r) => ["stashbox.test", "nobody.test"].includes(r.domain)),
    );
    const days = new Set(readings.filter((r) => r.domain === "stashbox.test").map((r) => +r.at));
    expect(days.size).toBe(readings.filter((r) => r.domain === "stashbox.test").length);
    expect(days.size).toBeGreaterThan(3);
  });

  it("reads Cloudflare Radar: buckets, top locations, and the location top lists", async () => {
    const config = rankSource({
      kind: "cloudflare-radar",
      key: "radar",
      baseUrl: `${simulator.url}/radar/client/v4`,
      tokenEnv: radarTokenEnv,
      locations: ["NZ", "us"],
    });
    // Dated by the fetch, not the day of data Radar names: it may rank that day again.
    const at = now;
    const countries = scopesOf(launchWeek, "cloudflare").filter((s) => s !== "global");
    const expected = tracked.flatMap((domain) => {
      const rank = rankAt(launchWeek, domain, "cloudflare", "global", t);
      const global: RankValue =
        rank !== null && rank <= 100
          ? { kind: "exact", rank }
          : radarBucket(cloudflareBucket(rank))!;
      const located = countries.flatMap((scope) => {
        const place = rankAt(launchWeek, domain, "cloudflare", scope, t);
        return place === null ? [] : [{ domain, scope, at, value: { kind: "exact", rank: place } }];
      });
      const beyond = ["NZ", "US"]
        .filter((scope) => !located.some((r) => r.scope === scope))
        .map((scope) => ({ domain, scope, at, value: { kind: "bucket", min: 101, max: null } }));
      return [{ domain, scope: "global", at, value: global }, ...located, ...beyond];
    });
    const readings = await read(config);
    expect(sorted(readings)).toEqual(sorted(expected as RankReading[]));
    expect(readings).toContainEqual({
      domain: "stashbox.test",
      scope: "NZ",
      at,
      value: { kind: "exact", rank: 1 },
    });
    expect(readings).toContainEqual({
      domain: "nobody.test",
      scope: "global",
      at,
      value: { kind: "bucket", min: 200_001, max: null },
    });
  });

  it("reads the Majestic Million", async () => {
    const config = rankSource({
      kind: "csv-list",
      key: "majestic",
      format: "majestic",
      url: `${simulator.url}/majestic/majestic_million.csv`,
    });
    expect(sorted(await read(config))).toEqual(expectedList("majestic"));
  });

  it("reads Umbrella by each domain's own line, never its hosts'", async () => {
    const config = rankSource({
      kind: "csv-list",
      key: "umbrella",
      format: "umbrella",
      url: `${simulator.url}/umbrella/top-1m.csv.zip`,
    });
    const readings = await read(config);
    expect(sorted(readings)).toEqual(expectedList("umbrella"));
    const api = rankAt(launchWeek, "api.stashbox.test", "umbrella", "global", t)!;
    const own = readings.find((r) => r.domain === "stashbox.test")!.value;
    expect(own.kind === "exact" && own.rank).toBeGreaterThan(api);
  });

  it("reads the CrUX list as buckets", async () => {
    const config = rankSource({
      kind: "csv-list",
      key: "crux",
      format: "crux",
      url: `${simulator.url}/crux/current.csv`,
    });
    const readings = await read(config);
    expect(sorted(readings)).toEqual(expectedList("crux", (rank) => cruxBucket(cruxUpper(rank))!));
    expect(readings.find((r) => r.domain === "stashbox.test")?.value).toEqual({
      kind: "bucket",
      min: 1001,
      max: 5000,
    });
  });

  describe("Alexa pages", () => {
    const at = publishedAt(launchWeek, "alexa", t);
    const alexaCountries = scopesOf(launchWeek, "alexa").filter((s) => s !== "global");

    function expectedPage(domain: string, countries: "all" | "top"): RankReading[] {
      const rank = rankAt(launchWeek, domain, "alexa", "global", t);
      if (rank === null) return [{ domain, scope: "global", at, value: { kind: "unranked" } }];
      const ranked = alexaCountries
        .map((scope) => ({ scope, place: rankAt(launchWeek, domain, "alexa", scope, t) }))
        .filter((c): c is { scope: string; place: number } => c.place !== null)
        .sort((a, b) => a.place - b.place)
        .slice(0, countries === "top" ? 1 : undefined);
      return [
        { domain, scope: "global", at, value: { kind: "exact", rank } },
        ...ranked.map(({ scope, place }) => ({
          domain,
          scope,
          at,
          value: { kind: "exact" as const, rank: place },
        })),
      ];
    }

    it.each([
      ["alexa-2017", "/alexa/siteinfo/{domain}", "all"],
      ["alexa-2013", "/alexa/siteinfo/{domain}?layout=2013", "all"],
      ["alexa-xml", "/alexa/data?cli=10&url={domain}", "top"],
    ] as const)(
      "reads the %s preset, dated by Last-Modified floored to the period",
      async (preset, path, countries) => {
        const config = rankSource({
          kind: "page",
          key: "alexa",
          url: `${simulator.url}${path}`,
          preset,
          period: "1h",
        });
        const readings = await read(config);
        expect(sorted(readings)).toEqual(
          sorted(tracked.flatMap((d) => expectedPage(d, countries))),
        );
        expect(readings).toContainEqual({
          domain: "stashbox.test",
          scope: "global",
          at,
          value: { kind: "exact", rank: 141 },
        });
        expect(readings).toContainEqual({
          domain: "stashbox.test",
          scope: "NZ",
          at,
          value: { kind: "exact", rank: 1 },
        });
      },
    );

    it("reads a page through configured selectors", async () => {
      const config = rankSource({
        kind: "page",
        key: "alexa",
        url: `${simulator.url}/alexa/siteinfo/{domain}`,
        period: "1d",
        selectors: {
          global: ".globleRank .metrics-data",
          countryRow: "#demographics_div_country_table tbody tr",
          countryCode: "td:first-child a",
          countryRank: "td span",
        },
      });
      const readings = await read(config, ["stashbox.test"]);
      const day = new Date("2026-01-25T00:00:00Z");
      expect(sorted(readings)).toEqual(
        sorted(expectedPage("stashbox.test", "all").map((r) => ({ ...r, at: day }))),
      );
    });
  });
});

/** The CrUX magnitude a rank falls under. */
function cruxUpper(rank: number): number {
  return [1000, 5000, 10_000, 50_000, 100_000, 500_000, 1_000_000].find((upper) => rank <= upper)!;
}

describe("faults", () => {
  const zip = (text: string) => zipSync({ "top-1m.csv": strToU8(text) });
  const goodList = Array.from({ length: 2000 }, (_, i) => `${i + 1},site-${i}.test\r\n`).join("");

  async function withServer<T>(routes: Record<string, Handler>, run: (url: string) => Promise<T>) {
    const server = await startHttpServer(routes);
    try {
      return await run(server.url);
    } finally {
      await server.close();
    }
  }

  const trancoAt = (url: string, timeout = "5s") =>
    rankSource({ kind: "tranco", key: "tranco", listUrl: `${url}/top-1m.csv.zip`, timeout });

  it("refuses HTTP 500", async () => {
    const error = await withServer(
      { "/top-1m.csv.zip": (_req, res) => res.writeHead(500).end("oops") },
      (url) => refusal(read(trancoAt(url))),
    );
    expect(error.kind).toBe("http");
    expect(error.message).toMatch(
      /^tranco: http:\/\/127\.0\.0\.1:\d+\/top-1m\.csv\.zip answered HTTP 500$/,
    );
  });

  it("gives up on a download that stalls past the timeout", async () => {
    const bytes = zip(goodList);
    const started = performance.now();
    const error = await withServer(
      {
        // Half the zip, then nothing more.
        "/top-1m.csv.zip": (_req, res) => {
          res.writeHead(200, {
            "content-type": "application/zip",
            "content-length": String(bytes.length),
          });
          res.write(bytes.subarray(0, bytes.length >> 1));
        },
      },
      (url) => refusal(read(trancoAt(url, "300ms"))),
    );
    expect(error.kind).toBe("timeout");
    expect(error.message).toMatch(
      /^tranco: no answer from http:\/\/127\.0\.0\.1:\d+\/top-1m\.csv\.zip within 300 ms$/,
    );
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("gives up on a page that never answers", async () => {
    const error = await withServer({ "/p/stashbox.test": () => undefined }, (url) =>
      refusal(
        read(
          rankSource({
            kind: "page",
            key: "alexa",
            url: `${url}/p/{domain}`,
            preset: "alexa-2017",
            timeout: "200ms",
          }),
          ["stashbox.test"],
        ),
      ),
    );
    expect(error.kind).toBe("timeout");
  });

  it("refuses a truncated zip", async () => {
    const bytes = zip(goodList);
    const error = await withServer(
      {
        "/top-1m.csv.zip": (_req, res) =>
          res.writeHead(200).end(Buffer.from(bytes.subarray(0, bytes.length - 200))),
      },
      (url) => refusal(read(trancoAt(url))),
    );
    expect(error.kind).toBe("parse");
    expect(error.message).toBe("tranco: the zip is truncated: top-1m.csv ends early");
  });

  it("refuses the whole list for one malformed line", async () => {
    const bytes = zip(
      "1,google.com\r\n2,stashbox.test\r\n3,a.test\r\n4,b.test\r\nabc\r\n6,c.test\r\n",
    );
    const error = await withServer(
      { "/top-1m.csv.zip": (_req, res) => res.writeHead(200).end(Buffer.from(bytes)) },
      (url) => refusal(read(trancoAt(url))),
    );
    expect(error.kind).toBe("parse");
    expect(error.message).toBe('tranco: top-1m.csv line 5: expected "rank,domain", found "abc"');
  });

  it("calls an empty list empty", async () => {
    const bytes = zip("");
    const error = await withServer(
      { "/top-1m.csv.zip": (_req, res) => res.writeHead(200).end(Buffer.from(bytes)) },
      (url) => refusal(read(trancoAt(url))),
    );
    expect(error.kind).toBe("empty");
  });

  it("dates a list without Last-Modified by the run's day", async () => {
    const bytes = zip("1,google.com\r\n2,stashbox.test\r\n");
    const readings = await withServer(
      { "/top-1m.csv.zip": (_req, res) => res.writeHead(200).end(Buffer.from(bytes)) },
      (url) => read(trancoAt(url), ["stashbox.test"]),
    );
    expect(readings).toEqual([
      {
        domain: "stashbox.test",
        scope: "global",
        at: new Date("2026-01-25T00:00:00Z"),
        value: { kind: "exact", rank: 2 },
      },
    ]);
  });

  it("refuses a Radar answer of success: false, naming its errors", async () => {
    const envelope = {
      success: false,
      errors: [{ code: 10001, message: "Invalid domain: stashbox.test is not allowed" }],
      messages: [],
      result: null,
    };
    const error = await withServer(
      {
        "/client/v4/radar/ranking/domain/stashbox.test": (_req, res) =>
          res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(envelope)),
      },
      (url) =>
        refusal(
          read(
            rankSource({
              kind: "cloudflare-radar",
              key: "radar",
              baseUrl: `${url}/client/v4`,
              tokenEnv: radarTokenEnv,
            }),
            ["stashbox.test"],
          ),
        ),
    );
    expect(error.kind).toBe("http");
    expect(error.message).toBe(
      "radar: the Radar rank of stashbox.test answered success: false: Invalid domain: stashbox.test is not allowed (10001)",
    );
  });

  it("waits out a 429 as Retry-After says, then goes on at the configured pace", async () => {
    const times: Record<string, number[]> = {};
    const answer =
      (domain: string, first429: boolean): Handler =>
      (_req, res) => {
        const seen = (times[domain] ??= []);
        seen.push(performance.now());
        if (first429 && seen.length === 1) {
          res.writeHead(429, { "retry-after": "1" }).end("slow down");
          return;
        }
        const ranks = [{ date: "2026-01-24", rank: 500 }];
        res
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify({ domain, ranks }));
      };
    const domains = ["a.test", "b.test", "c.test"];
    const readings = await withServer(
      {
        "/api/ranks/domain/a.test": answer("a.test", true),
        "/api/ranks/domain/b.test": answer("b.test", false),
        "/api/ranks/domain/c.test": answer("c.test", false),
      },
      (url) =>
        read(
          rankSource({ kind: "tranco", key: "tranco", apiUrl: `${url}/api`, pace: "250ms" }),
          domains,
        ),
    );
    expect(readings.map((r) => r.domain)).toEqual(domains);
    const [rateLimited, retried] = times["a.test"]!;
    const tolerance = 25; // timers fire a little early or late; far less than what is asserted
    expect(retried! - rateLimited!).toBeGreaterThanOrEqual(1000 - tolerance);
    expect(retried! - rateLimited!).toBeLessThan(1000 + 1000);
    expect(times["b.test"]![0]! - retried!).toBeGreaterThanOrEqual(250 - tolerance);
    expect(times["c.test"]![0]! - times["b.test"]![0]!).toBeGreaterThanOrEqual(250 - tolerance);
  });

  it("gives up after a few 429s", async () => {
    let asked = 0;
    const error = await withServer(
      {
        "/api/ranks/domain/a.test": (_req, res) => {
          asked += 1;
          res.writeHead(429, { "retry-after": "0" }).end();
        },
      },
      (url) =>
        refusal(
          read(rankSource({ kind: "tranco", key: "tranco", apiUrl: `${url}/api`, pace: "10ms" }), [
            "a.test",
          ]),
        ),
    );
    expect(asked).toBe(4);
    expect(error.kind).toBe("http");
    expect(error.message).toMatch(
      /^tranco: rate-limited until .* UTC \(HTTP 429 from http:\/\/127\.0\.0\.1:\d+\/api\/ranks\/domain\/a\.test\)$/,
    );
  });

  it("stops pacing when the run is stopped", async () => {
    const controller = new AbortController();
    let asked = 0;
    const pending = withServer(
      {
        "/api/ranks/domain/a.test": (_req, res) => {
          asked += 1;
          res.writeHead(200).end(JSON.stringify({ domain: "a.test", ranks: [] }));
          controller.abort(new Error("worker stopping"));
        },
        "/api/ranks/domain/b.test": (_req, res) => {
          asked += 1;
          res.writeHead(200).end(JSON.stringify({ domain: "b.test", ranks: [] }));
        },
      },
      (url) =>
        read(
          rankSource({ kind: "tranco", key: "tranco", apiUrl: `${url}/api`, pace: "30s" }),
          ["a.test", "b.test"],
          controller.signal,
        ),
    );
    await expect(pending).rejects.toThrow("worker stopping");
    expect(asked).toBe(1);
  });
});
