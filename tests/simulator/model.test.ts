import { describe, expect, it } from "vitest";
import {
  atHour,
  buildRankList,
  cloudflareBucket,
  cruxBucket,
  lastRestartAt,
  outageAt,
  processCountersAt,
  rankAt,
  requestEffectAt,
  signupsAt,
  usersAt,
} from "@/simulator/model";
import { RANK_SOURCES, type Scenario } from "@/simulator/scenario";
import { launchWeek as scenario } from "./support";

const domain = scenario.service.domain;

function firstHourReaching(users: number): number {
  for (let hours = 0; hours <= 720; hours += 0.05) {
    if (usersAt(scenario, atHour(scenario, hours)) >= users) return hours;
  }
  throw new Error(`never reaches ${users}`);
}

describe("users", () => {
  it("only ever grow", () => {
    let previous = -1;
    for (let hours = -24; hours <= 720; hours += 0.1) {
      const users = usersAt(scenario, atHour(scenario, hours));
      expect(users).toBeGreaterThanOrEqual(previous);
      previous = users;
    }
  });

  it("reach 250,000 in hours 3 to 4 and 1,000,000 around hour 134", () => {
    expect(firstHourReaching(250_000)).toBeGreaterThan(3);
    expect(firstHourReaching(250_000)).toBeLessThan(4);
    expect(firstHourReaching(1_000_000)).toBeGreaterThan(130);
    expect(firstHourReaching(1_000_000)).toBeLessThan(138);
  });

  it("sign up far slower inside a down window", () => {
    const gained = (from: number, to: number) =>
      usersAt(scenario, atHour(scenario, to)) - usersAt(scenario, atHour(scenario, from));
    // Hours 2.5-3.5 are down on the first day; the hour after it is back to normal.
    expect(gained(2.5, 3.5)).toBeLessThan(gained(3.5, 4.5) / 4);
  });

  it("split signups into free and pro", () => {
    const signups = signupsAt(scenario, atHour(scenario, 48));
    expect(signups.free + signups.pro).toBe(signups.total);
    expect(signups.pro / signups.total).toBeCloseTo(scenario.users.proShare, 3);
    expect(signupsAt(scenario, atHour(scenario, -5)).total).toBe(0);
  });
});

describe("outages", () => {
  it("find the most severe window for a component", () => {
    expect(outageAt(scenario, atHour(scenario, 2.6), "web")?.mode).toBe("down");
    expect(outageAt(scenario, atHour(scenario, 5), "web")?.mode).toBe("slow");
    expect(outageAt(scenario, atHour(scenario, 5), "uploads")).toBeUndefined();
    expect(outageAt(scenario, atHour(scenario, 3.5), "web")).toBeUndefined(); // [start, end)
  });

  it("fail a deterministic share of requests in a partial window", () => {
    const results = Array.from({ length: 2000 }, (_, i) =>
      requestEffectAt(scenario, new Date(+atHour(scenario, 8) + i), "uploads", "/uploads/health"),
    );
    const failed = results.filter((effect) => effect.fail).length / results.length;
    expect(failed).toBeGreaterThan(0.07);
    expect(failed).toBeLessThan(0.13);
    const again = requestEffectAt(scenario, atHour(scenario, 8), "uploads", "/uploads/health");
    expect(again).toEqual(results[0]);
  });

  it("restart the process, and reset its counters, when a down window ends", () => {
    const before = processCountersAt(scenario, atHour(scenario, 19.9));
    const after = processCountersAt(scenario, atHour(scenario, 20.6));
    expect(lastRestartAt(scenario, atHour(scenario, 20.6))).toEqual(atHour(scenario, 20 + 35 / 60));
    expect(after.signups.total).toBeLessThan(before.signups.total);
    expect(after.uploads).toBeLessThan(before.uploads);
  });
});

describe("ranks", () => {
  it("start past 100,000 (or unranked) in every source", () => {
    for (const source of RANK_SOURCES) {
      const rank = rankAt(scenario, domain, source, "global", scenario.launch);
      expect(rank === null || rank > 100_000, source).toBe(true);
    }
  });

  it("reach 141 globally in the best source by hour 140, and #1 in New Zealand", () => {
    const at140 = RANK_SOURCES.map((source) =>
      rankAt(scenario, domain, source, "global", atHour(scenario, 140)),
    );
    expect(Math.min(...at140.filter((rank) => rank !== null))).toBe(141);
    expect(rankAt(scenario, domain, "alexa", "NZ", atHour(scenario, 140))).toBe(1);
    expect(rankAt(scenario, domain, "cloudflare", "NZ", atHour(scenario, 140))).toBe(1);
    let best = Infinity;
    for (let hours = 0; hours <= 720; hours += 1) {
      best = Math.min(best, rankAt(scenario, domain, "alexa", "global", atHour(scenario, hours))!);
    }
    expect(best).toBe(141);
  });

  it("disagree between sources: Tranco lags, Majestic barely moves", () => {
    const at = atHour(scenario, 140);
    expect(rankAt(scenario, domain, "tranco", "global", at)).toBeGreaterThan(10_000);
    expect(rankAt(scenario, domain, "majestic", "global", at)).toBeGreaterThan(50_000);
  });

  it("keep competitors roughly steady", () => {
    const ranks = [24, 72, 140].map((hours) =>
      rankAt(scenario, "boxdrop.test", "crux", "global", atHour(scenario, hours)),
    );
    for (const rank of ranks) expect(rank).toBeGreaterThan(290);
    for (const rank of ranks) expect(rank).toBeLessThan(330);
  });

  it("change only when the source publishes", () => {
    const rank = (hours: number) =>
      rankAt(scenario, domain, "tranco", "global", atHour(scenario, hours));
    expect(rank(72.5)).toBe(rank(95.9));
    expect(rank(96)).toBeLessThan(rank(95.9)!);
  });

  it("build lists with tracked sites at their ranks among unique fillers", () => {
    const at = atHour(scenario, 140);
    const list = buildRankList(scenario, "umbrella", "global", at, 5000);
    expect(list).toHaveLength(5000);
    expect(new Set(list).size).toBe(5000);
    for (const host of [domain, `www.${domain}`, `api.${domain}`, "boxdrop.test"]) {
      expect(list.indexOf(host) + 1).toBe(rankAt(scenario, host, "umbrella", "global", at));
    }
    expect(list.filter((host) => /^site-\d{6}\.test$/.test(host)).length).toBeGreaterThan(3000);
  });

  it("move a competitor down when the service takes its rank", () => {
    const tied: Scenario = {
      ...scenario,
      competitors: [{ domain: "rival.test", ranks: { global: 500 } }],
      sources: {
        ...scenario.sources,
        crux: { ...scenario.sources.crux, competitorScale: 1, ranks: { global: [[0, 500]] } },
      },
    };
    // The rival wobbles around 500 from one day to the next, so some days it wants 500 too.
    const rivalRanks = Array.from({ length: 200 }, (_, day) => {
      const at = atHour(tied, day * 24);
      expect(rankAt(tied, domain, "crux", "global", at)).toBe(500);
      return rankAt(tied, "rival.test", "crux", "global", at);
    });
    expect(rivalRanks).not.toContain(500);
    expect(rivalRanks).toContain(501);
  });
});

describe("buckets", () => {
  it("follow Cloudflare Radar and CrUX", () => {
    expect(cloudflareBucket(141)).toBe("200");
    expect(cloudflareBucket(200_001)).toBe(">200000");
    expect(cloudflareBucket(null)).toBe(">200000");
    expect(cruxBucket(141)).toBe(1000);
    expect(cruxBucket(4025)).toBe(5000);
    expect(cruxBucket(1_000_001)).toBeNull();
  });
});
