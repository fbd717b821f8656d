import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { atHour, formatDay, HOUR_MS, rankAt } from "@/simulator/model";
import type { Scenario } from "@/simulator/scenario";
import { startSimulator } from "@/simulator/server";
import { launchWeek, startFrozenSimulator, type FrozenSimulator } from "./support";

const domain = launchWeek.service.domain;
const at140 = atHour(launchWeek, 140);
const radarToken = { authorization: "Bearer sim-radar-token" };
let simulator: FrozenSimulator;

beforeAll(async () => {
  vi.stubEnv("SIM_RADAR_TOKEN", undefined);
  simulator = await startFrozenSimulator(140);
});
afterAll(async () => {
  await simulator.close();
  vi.unstubAllEnvs();
});

async function unzipList(path: string): Promise<string> {
  const response = await simulator.get(path);
  expect(response.headers.get("content-type")).toBe("application/zip");
  const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
  expect(Object.keys(files)).toEqual(["top-1m.csv"]);
  return strFromU8(files["top-1m.csv"]!);
}

describe("Tranco", () => {
  it("zips top-1m.csv with CRLF lines and the service at its rank", async () => {
    const csv = await unzipList("/tranco/top-1m.csv.zip");
    const lines = csv.split("\r\n");
    expect(lines.pop()).toBe("");
    expect(lines).toHaveLength(launchWeek.listLength);
    expect(lines[0]).toMatch(/^1,[a-z0-9.-]+$/);
    expect(csv.replaceAll("\r\n", "")).not.toContain("\n");
    const rank = rankAt(launchWeek, domain, "tranco", "global", at140)!;
    expect(lines[rank - 1]).toBe(`${rank},${domain}`);
  });

  it("answers the per-domain API with the ranked days of the last 30", async () => {
    const body = await (await simulator.get(`/tranco/api/ranks/domain/${domain}`)).json();
    expect(body.domain).toBe(domain);
    const expected = Array.from({ length: 30 }, (_, age) => new Date(+at140 - age * 24 * HOUR_MS))
      .map((day) => ({
        date: formatDay(day),
        rank: rankAt(launchWeek, domain, "tranco", "global", day),
      }))
      .filter((entry) => entry.rank !== null);
    expect(expected.length).toBeGreaterThan(2);
    expect(body.ranks).toHaveLength(expected.length);
    expect(body.ranks).toEqual(expect.arrayContaining(expected));
    const unknown = await (await simulator.get("/tranco/api/ranks/domain/unknown.test")).json();
    expect(unknown).toEqual({ domain: "unknown.test", ranks: [] });
  });
});

describe("Cloudflare Radar", () => {
  const path = `/radar/client/v4/radar/ranking/domain/${domain}`;

  it("refuses requests without the token", async () => {
    for (const headers of [{}, { authorization: "Bearer wrong" }] as HeadersInit[]) {
      const response = await simulator.get(path, { headers });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        success: false,
        errors: [{ code: 10000, message: "Authentication error" }],
        messages: [],
        result: null,
      });
    }
  });

  it("gives a bucket past the top 100, with categories and top locations", async () => {
    const body = await (await simulator.get(path, { headers: radarToken })).json();
    expect(body).toMatchObject({ success: true, errors: [], messages: [] });
    const details = body.result.details_0;
    expect(details.bucket).toBe("500"); // rank 260 on day 5
    expect(details).not.toHaveProperty("rank");
    expect(details.categories[0]).toEqual(
      expect.objectContaining({ name: "File Sharing", id: expect.any(Number) }),
    );
    expect(details.top_locations[0]).toEqual({
      locationCode: "NZ",
      locationName: "New Zealand",
      rank: 1,
    });
    expect(body.result.meta.dateRange[0].endTime).toBe("2026-01-25T00:00:00.000Z");
    const unknown = await simulator.get(`/radar/client/v4/radar/ranking/domain/x.test`, {
      headers: radarToken,
    });
    expect((await unknown.json()).result.details_0).toEqual({
      categories: [],
      top_locations: [],
      bucket: ">200000",
    });
  });

  it("gives an exact rank inside the top 100, with the scenario's token", async () => {
    const topHundred: Scenario = {
      ...launchWeek,
      sources: {
        ...launchWeek.sources,
        cloudflare: {
          ...launchWeek.sources.cloudflare,
          token: "t0ken",
          ranks: { global: [[0, 42]] },
        },
      },
    };
    const local = await startSimulator({ port: 0, scenario: topHundred, now: () => 0 });
    try {
      const response = await fetch(`${local.url}${path}`, {
        headers: { authorization: "Bearer t0ken" },
      });
      const details = (await response.json()).result.details_0;
      expect(details.rank).toBe(42);
      expect(details).not.toHaveProperty("bucket");
    } finally {
      await local.close();
    }
  });

  it("lists top domains per location", async () => {
    const response = await simulator.get("/radar/client/v4/radar/ranking/top?location=NZ&limit=3", {
      headers: radarToken,
    });
    const top = (await response.json()).result.top_0;
    expect(top).toHaveLength(3);
    expect(top[0]).toMatchObject({ rank: 1, domain });
    expect(top[1]).toEqual({
      rank: 2,
      domain: expect.stringMatching(/\.test$/),
      categories: [expect.any(Object)],
    });
    const invalid = await simulator.get("/radar/client/v4/radar/ranking/top?limit=0", {
      headers: radarToken,
    });
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).success).toBe(false);
  });
});

describe("lists", () => {
  it("Majestic Million has its exact header and consistent rows", async () => {
    const lines = (await (await simulator.get("/majestic/majestic_million.csv")).text()).split(
      "\n",
    );
    expect(lines[0]).toBe(
      "GlobalRank,TldRank,Domain,TLD,RefSubNets,RefIPs,IDN_Domain,IDN_TLD,PrevGlobalRank,PrevTldRank,PrevRefSubNets,PrevRefIPs",
    );
    expect(lines[1]).toMatch(
      /^1,1,site-\d{6}\.test,test,\d+,\d+,site-\d{6}\.test,test,\d+,\d+,\d+,\d+$/,
    );
    const competitor = lines.find((line) => line.includes(",boxdrop.test,"))!.split(",");
    const rank = rankAt(launchWeek, "boxdrop.test", "majestic", "global", at140);
    expect(Number(competitor[0])).toBe(rank);
  });

  it("Umbrella lists the service's hosts as well as its domain", async () => {
    const lines = (await unzipList("/umbrella/top-1m.csv.zip")).trimEnd().split("\n");
    expect(lines).toHaveLength(launchWeek.listLength);
    for (const host of [domain, `www.${domain}`, `api.${domain}`, `dl.${domain}`]) {
      const rank = rankAt(launchWeek, host, "umbrella", "global", at140);
      expect(lines[rank! - 1]).toBe(`${rank},${host}`);
    }
  });

  it("CrUX gives origins with rank magnitudes", async () => {
    const lines = (await (await simulator.get("/crux/current.csv")).text()).trimEnd().split("\n");
    expect(lines[0]).toBe("origin,rank");
    expect(lines[1]).toMatch(/^https:\/\/site-\d{6}\.test,1000$/);
    expect(lines).toContain(`https://${domain},5000`); // rank 4,025 on day 5
    expect(lines.at(-1)).toMatch(/,100000$/);
  });
});

describe("Alexa", () => {
  it("answers data.alexa.com XML with POPULARITY TEXT for a ranked site only", async () => {
    const xml = await (await simulator.get(`/alexa/data?cli=10&url=${domain}`)).text();
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?><ALEXA VER="0.9" URL="stashbox.test\/"/,
    );
    expect(xml).toContain(`<POPULARITY URL="stashbox.test/" TEXT="141" SOURCE="panel"/>`);
    expect(xml).toContain(`<REACH RANK="130"/>`);
    expect(xml).toContain(`<COUNTRY CODE="NZ" NAME="New Zealand" RANK="1"/>`);
    const unranked = await (
      await simulator.get("/alexa/data?cli=10&url=http://nobody.test/")
    ).text();
    expect(unranked).toContain('URL="nobody.test/"');
    expect(unranked).not.toContain("POPULARITY");
  });

  it("renders the siteinfo page in the 2017 and 2013 layouts, with comma formatting", async () => {
    simulator.setHour(30);
    const rank = rankAt(launchWeek, domain, "alexa", "global", atHour(launchWeek, 30))!;
    expect(rank).toBeGreaterThan(1000);
    const formatted = rank.toLocaleString("en-US");
    const page2017 = await (await simulator.get(`/alexa/siteinfo/${domain}`)).text();
    expect(page2017).toContain(`<strong class="metrics-data align-vmiddle">${formatted}</strong>`);
    expect(page2017).toContain('id="demographics_div_country_table"');
    expect(page2017).toMatch(/New Zealand<\/a><\/td>\s*<td><span>\d+<\/span>/);
    const page2013 = await (await simulator.get(`/alexa/siteinfo/${domain}?layout=2013`)).text();
    expect(page2013).toMatch(new RegExp(`<div class="data up"><img [^>]+>${formatted}</div>`));
    simulator.setHour(140);
  });
});
