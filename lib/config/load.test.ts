import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ConfigError } from "@/lib/errors";
import { parseConfig } from "./load";

const minimal = `
service: { name: Stashbox, domain: stashbox.test }
`;

function problems(text: string): string {
  try {
    parseConfig(text, "liftoff.config.yaml");
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected the configuration to be refused");
}

describe("liftoff.config.yaml", () => {
  it("accepts the documented example and fills every job's schedule", () => {
    const config = parseConfig(readFileSync("liftoff.config.example.yaml", "utf8"), "example");
    expect(config.service.domain).toBe("stashbox.test");
    expect(config.sources.metrics[0]?.timeout).toBe(10_000);
    expect(config.monitors.find((m) => m.key === "website")?.interval).toBe(30_000);
    expect(config.jobs["ingest-metrics"].schedule).toBe("*/15 * * * * *");
    expect(config.simulator?.enabled).toBe(true);
  });

  it("fills defaults for a minimal file", () => {
    const config = parseConfig(minimal, "min.yaml");
    expect(config.timezone).toBe("UTC");
    expect(config.monitors).toEqual([]);
    expect(config.jobs["check-monitors"].enabled).toBe(true);
  });

  it("reads the launch moment, and names a malformed one", () => {
    const launched = parseConfig(
      "service: { name: Stashbox, domain: stashbox.test, launchedAt: 2026-01-20T09:00:00+13:00 }",
      "launch.yaml",
    );
    expect(launched.service.launchedAt).toEqual(new Date("2026-01-19T20:00:00Z"));
    expect(parseConfig(minimal, "min.yaml").service.launchedAt).toBeUndefined();
    expect(problems("service: { name: S, domain: s.test, launchedAt: last tuesday }")).toMatch(
      /service\.launchedAt: expected an ISO 8601 instant/,
    );
  });

  it("names the key path, what was expected and what was found", () => {
    const message = problems(`${minimal}
jobs:
  ingest-metrics: { schedule: "every minute" }
monitors:
  - { key: web, name: Web, type: http, url: "ftp://x", interval: 5s }
`);
    expect(message).toContain("liftoff.config.yaml has 3 problem(s)");
    expect(message).toMatch(
      /jobs\.ingest-metrics\.schedule: expected a cron expression.*found "every minute"/,
    );
    expect(message).toMatch(
      /monitors\[0\]\.url: expected an http:\/\/ or https:\/\/ URL, found "ftp:\/\/x"/,
    );
    expect(message).toMatch(/monitors\[0\]\.interval: expected an interval of at least 10s/);
  });

  it("refuses unknown keys, wrong types and bad time zones", () => {
    const message = problems(`timezone: Mars/Olympus
service: { name: Stashbox, domain: stashbox.test, colour: red }
competitors: 3
`);
    expect(message).toMatch(/timezone: expected an IANA time zone.*found "Mars\/Olympus"/);
    expect(message).toMatch(/service: expected no unknown keys \(remove colour\)/);
    expect(message).toMatch(/competitors: expected a list, found number 3/);
  });

  it("refuses references to things that are not declared", () => {
    const message = problems(`${minimal}
components: [{ key: api, name: API, group: platform }]
monitors: [{ key: api, name: API, type: http, url: "http://127.0.0.1/", component: nope }]
milestones: [{ kind: metric, key: users, metric: users_total, thresholds: [1000] }]
`);
    expect(message).toMatch(
      /components\[0\]\.group: expected the key of another component, found "platform"/,
    );
    expect(message).toMatch(
      /monitors\[0\]\.component: expected the key of a component, found "nope"/,
    );
    expect(message).toMatch(
      /milestones\[0\]\.metric: expected a metric from sources.metrics or sources.push, found "users_total"/,
    );
  });

  it("refuses a secret written into the file instead of an env name", () => {
    const message = problems(`${minimal}
sources:
  metrics: [{ kind: http-json, metric: users, name: U, type: counter, url: "http://x/", path: a, tokenEnv: "s3cr3t-token" }]
`);
    expect(message).toMatch(
      /sources\.metrics\[0\]\.tokenEnv: expected the name of an environment variable/,
    );
  });

  it("reports YAML syntax errors", () => {
    expect(problems("service: [unclosed")).toMatch(/is not valid YAML/);
  });

  it("says what to do when the file is missing", async () => {
    const { loadConfig } = await import("./load");
    expect(() => loadConfig("/nonexistent/liftoff.yaml")).toThrow(
      /does not exist\. Copy liftoff\.config\.example\.yaml/,
    );
  });
});

describe("rank sources and rank milestones", () => {
  it("reads the example's sources, each with its own key", () => {
    const config = parseConfig(readFileSync("liftoff.config.example.yaml", "utf8"), "example");
    expect(config.sources.ranks.map((s) => `${s.kind}:${s.key}`)).toEqual([
      "tranco:tranco",
      "cloudflare-radar:cloudflare",
      "csv-list:majestic",
      "csv-list:umbrella",
      "csv-list:crux",
      "page:alexa",
    ]);
    expect(config.jobs["ingest-ranks"].timeout).toBe(300_000);
  });

  it("names every mistake in a rank source or a rank milestone", () => {
    const message = problems(`${minimal}
sources:
  ranks:
    - { kind: tranco, key: tranco }
    - { kind: page, key: alexa, url: "http://ranks.test/site" }
    - { kind: page, key: other, url: "http://ranks.test/{domain}", preset: alexa-2017, selectors: { global: ".rank" } }
    - { kind: cloudflare-radar, key: radar, tokenEnv: RADAR_TOKEN, locations: [NZL] }
    - { kind: csv-list, key: tranco, format: majestic, url: "http://ranks.test/m.csv" }
milestones:
  - { kind: best-rank, key: best, source: nowhere }
`);
    expect(message).toMatch(/sources\.ranks\[0\]\.listUrl: expected listUrl, apiUrl or both/);
    expect(message).toMatch(/sources\.ranks\[1\]\.url: expected a URL containing \{domain\}/);
    expect(message).toMatch(/sources\.ranks\[2\]\.preset: expected either preset or selectors/);
    expect(message).toMatch(
      /sources\.ranks\[3\]\.locations\[0\]: expected a two-letter country code/,
    );
    expect(message).toMatch(/sources\.ranks\[4\]\.key: expected a key not used earlier/);
    expect(message).toMatch(
      /milestones\[0\]\.source: expected the key of a source in sources\.ranks/,
    );
  });
});

describe("milestones and channels", () => {
  const withMetric = `${minimal}
sources:
  push: [{ key: app, tokenEnv: APP_TOKEN, metrics: [{ metric: users_total, name: Users, type: counter }] }]
`;

  it("reads record days, launch summaries, recoveries and per-channel templates", () => {
    const config = parseConfig(
      `${withMetric}
milestones:
  - { kind: velocity, key: record, metric: users_total, period: day }
  - { kind: time, key: week, after: 7d, template: "{value} {metric} in the first {period}" }
  - { kind: outage-resolved, key: recovered }
channels:
  - { kind: webhook, key: hook, urlEnv: HOOK_URL, templates: { week: "Week one: {value}" } }
`,
      "t.yaml",
    );
    expect(config.milestones).toEqual([
      { kind: "velocity", key: "record", metric: "users_total", period: "day" },
      {
        kind: "time",
        key: "week",
        after: 7 * 86_400_000,
        template: "{value} {metric} in the first {period}",
      },
      { kind: "outage-resolved", key: "recovered", minDuration: 300_000, stableFor: 3_600_000 },
    ]);
    expect(config.channels[0]!.templates).toEqual({ week: "Week one: {value}" });
  });

  it("names the path and the variable of a template that uses one its milestone lacks", () => {
    const message = problems(`${withMetric}
milestones:
  - { kind: metric, key: users, metric: users_total, thresholds: powers-of-ten, template: "{value} at {rank}" }
  - { kind: velocity, key: record, metric: nowhere, period: day }
channels:
  - { kind: webhook, key: hook, urlEnv: HOOK_URL, templates: { users: "{value} {users}", gone: "x" } }
`);
    expect(message).toMatch(
      /milestones\[0\]\.template: expected a template using only \{service\}.*\(\{rank\} is not one\), found "\{value\} at \{rank\}"/,
    );
    expect(message).toMatch(/milestones\[1\]\.metric: expected a metric from sources/);
    expect(message).toMatch(/channels\[0\]\.templates\.users: expected .*\(\{users\} is not one\)/);
    expect(message).toMatch(/channels\[0\]\.templates\.gone: expected the key of a milestone/);
  });

  it('refuses a "#" before a rank variable, which writes its own', () => {
    const message = problems(`${minimal}
sources:
  ranks: [{ kind: cloudflare-radar, key: radar, tokenEnv: RADAR_TOKEN }]
milestones:
  - { kind: rank, key: top, source: radar, template: "{service} is #{standing} {where}" }
  - { kind: best-rank, key: best, source: radar, template: "{service} is now {rank}" }
channels:
  - { kind: webhook, key: hook, urlEnv: HOOK_URL, templates: { top: "Top {threshold}: #{value}" } }
`);
    expect(message).toMatch(
      /milestones\[0\]\.template: expected a template without "#" before \{standing\}, which writes its own \("#141", or "top 200" for a bucket\)/,
    );
    expect(message).toMatch(/channels\[0\]\.templates\.top: expected .*"#" before \{value\}/);
    expect(message).not.toMatch(/milestones\[1\]/);
  });

  it("refuses a record period other than a day or an hour", () => {
    const message = problems(`${withMetric}
milestones: [{ kind: velocity, key: record, metric: users_total, period: week }]
`);
    expect(message).toMatch(/milestones\[0\]\.period: expected one of "day", "hour", found "week"/);
  });

  it("reads the example's milestones and channels", () => {
    const config = parseConfig(readFileSync("liftoff.config.example.yaml", "utf8"), "example");
    expect(config.milestones.map((m) => m.kind)).toContain("velocity");
    expect(config.milestones.find((m) => m.key === "first-week")).toMatchObject({
      after: 7 * 86_400_000,
    });
    expect(config.channels[0]!.templates.users).toMatch(/\{elapsed\}/);
  });
});
