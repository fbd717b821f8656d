import { describe, expect, it } from "vitest";
import type { MilestoneEvent } from "./milestone-event";
import { formatElapsed, renderPostText } from "./post-text";
import { misreadRank, unknownVariables } from "./templates";

const at = new Date(Date.UTC(2026, 10, 6, 14));
const metric: MilestoneEvent = {
  key: "metric:users:1000000",
  rule: "metric",
  ruleKey: "users",
  metAt: at,
  value: 1_000_000,
  details: { label: "1,000,000 users", metricName: "users", elapsedMs: (5 * 24 + 14) * 3_600_000 },
};

describe("humanised numbers", () => {
  it("says lengths of time in their two largest units", () => {
    expect(formatElapsed((5 * 24 + 14) * 3_600_000 + 59_000)).toBe("5 days 14 hours");
    expect(formatElapsed(3_600_000 + 60_000)).toBe("1 hour 1 minute");
    expect(formatElapsed(2 * 86_400_000 + 30 * 60_000)).toBe("2 days");
    expect(formatElapsed(45 * 60_000)).toBe("45 minutes");
    expect(formatElapsed(20_000)).toBe("less than a minute");
  });
});

describe("post text", () => {
  it("fills a template with counts and elapsed time", () => {
    expect(renderPostText(metric, "{value} {metric} in {elapsed}", "Stashbox").text).toBe(
      "1,000,000 users in 5 days 14 hours",
    );
  });

  it("falls back through the default texts to one whose values are all known", () => {
    const noLaunch = { ...metric, details: { ...metric.details, elapsedMs: null } };
    expect(renderPostText(metric, undefined, "Stashbox").text).toBe(
      "Stashbox: 1,000,000 users in 5 days 14 hours",
    );
    expect(renderPostText(noLaunch, undefined, "Stashbox").text).toBe("Stashbox: 1,000,000 users");
  });

  it("refuses a configured template whose value this milestone lacks", () => {
    const noLaunch = { ...metric, details: { ...metric.details, elapsedMs: null } };
    expect(renderPostText(noLaunch, "{value} in {elapsed}", "Stashbox")).toEqual({
      text: null,
      error: "the template's {elapsed} has no value for metric:users:1000000",
    });
  });

  it("writes ranks with #, success rates as percentages and outages in words", () => {
    const rank: MilestoneEvent = {
      key: "top:tranco:global:top-150",
      rule: "rank",
      ruleKey: "top",
      metAt: at,
      value: 141,
      details: {
        label: "Top 150",
        source: "tranco",
        sourceName: "Tranco",
        scope: "global",
        threshold: 150,
      },
    };
    expect(renderPostText(rank, undefined, "Stashbox").text).toBe(
      "Stashbox is now #141 worldwide (Tranco)",
    );
    const recovered: MilestoneEvent = {
      key: "recovered:3",
      rule: "outage-resolved",
      ruleKey: "recovered",
      metAt: at,
      value: 95,
      details: {
        label: "API",
        component: "API",
        durationMs: 95 * 60_000,
        successRate: 0.99456,
        stableForMs: 3_600_000,
      },
    };
    expect(renderPostText(recovered, undefined, "Stashbox").text).toBe(
      "Stashbox is running stable again after an outage of 1 hour 35 minutes: 99.4% of requests succeeding over the last hour",
    );
    const unknownRate = { ...recovered, details: { ...recovered.details, successRate: null } };
    expect(renderPostText(unknownRate, undefined, "Stashbox").text).toBe(
      "Stashbox is running stable again after an outage of 1 hour 35 minutes",
    );
  });

  it("tells a bucket as a range, never as a place, whichever variable the template uses", () => {
    const radar: MilestoneEvent = {
      key: "radar-top:cloudflare:global:top-200",
      rule: "rank",
      ruleKey: "radar-top",
      metAt: at,
      value: 200,
      details: {
        label: "Top 200 worldwide (Cloudflare Radar)",
        source: "cloudflare",
        sourceName: "Cloudflare Radar",
        scope: "global",
        threshold: 200,
        exact: false,
        bucketMin: 101,
        bucketMax: 200,
      },
    };
    expect(renderPostText(radar, undefined, "Mega").text).toBe(
      "Mega is now top 200 worldwide (Cloudflare Radar)",
    );
    const custom = "{service} is in {source}'s top {threshold}: {standing} {where}";
    expect(renderPostText(radar, custom, "Mega").text).toBe(
      "Mega is in Cloudflare Radar's top 200: top 200 worldwide",
    );
    for (const old of ["{rank} {where}", "{value} {where}"]) {
      expect(renderPostText(radar, old, "Mega").text).toBe("top 200 worldwide");
    }
    const exact = { ...radar, value: 42, details: { ...radar.details, exact: true } };
    expect(renderPostText(exact, custom, "Mega").text).toBe(
      "Mega is in Cloudflare Radar's top 200: #42 worldwide",
    );
  });

  it("summarises the first week, leaving out what is not known", () => {
    const week: MilestoneEvent = {
      key: "time:first-7d",
      rule: "time",
      ruleKey: "week",
      metAt: at,
      value: 1_203_004,
      details: {
        label: "week",
        periodMs: 7 * 86_400_000,
        metricName: "users",
        bestRank: 141,
        uptime: null,
      },
    };
    expect(renderPostText(week, undefined, "Stashbox").text).toBe(
      "Stashbox's first week: 1,203,004 new users, best rank #141",
    );
  });
});

describe("template variables", () => {
  it("names the variables a kind does not offer", () => {
    expect(unknownVariables("{value} users in {elapsed}", "metric")).toEqual([]);
    expect(unknownVariables("{value} at {rank} {rank} {nope}", "metric")).toEqual(["rank", "nope"]);
    expect(unknownVariables("{standing} {where}", "rank")).toEqual([]);
    expect(unknownVariables("best {standing}", "time")).toEqual([]);
  });

  it("refuses a # before a rank, which {standing} and {rank} write themselves", () => {
    expect(misreadRank("{service} is #{standing}", "rank")).toMatch(/"#" before \{standing\}/);
    expect(misreadRank("now #{value} worldwide", "best-rank")).toMatch(/\{value\}/);
    expect(misreadRank("best #{rank}", "time")).toMatch(/\{rank\}/);
    expect(misreadRank("#{value} new users", "time")).toBeNull();
    expect(misreadRank("#{value} users", "metric")).toBeNull();
    expect(misreadRank("{service} is {standing} #launch", "rank")).toBeNull();
  });
});
