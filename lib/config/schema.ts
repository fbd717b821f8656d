// The shape of liftoff.config.yaml. liftoff.config.example.yaml documents every key.
import { z } from "zod";
import {
  type MilestoneKind,
  misreadRank,
  templateVariables,
  unknownVariables,
} from "@/lib/milestones/templates";
import { cronExpression, domain, duration, envName, httpUrl, key, timeZone } from "./fields";

/** Every job the worker knows; the `jobs` section schedules them. */
export const jobNames = [
  "ingest-metrics",
  "check-monitors",
  "ingest-ranks",
  "prune-checks",
  "send-posts",
] as const;
export type JobName = (typeof jobNames)[number];

/** A web origin as browsers compare them: scheme, host and port only, as in https://example.com. */
const origin = z
  .string()
  .refine(
    (value) =>
      URL.canParse(value) &&
      /^https?:$/.test(new URL(value).protocol) &&
      new URL(value).origin === value,
    "an origin such as https://example.com (http or https, a host and optional port; no path or trailing slash)",
  );

const site = z.strictObject({ name: z.string().min(1), domain });

const service = site.extend({
  /** The service's home page, linked from the dashboard. */
  url: httpUrl.optional(),
  /**
   * The launch moment ("in 6 hours" in a post is counted from it); unset: the demo's launch, else
   * the first metric sample.
   */
  launchedAt: z.iso
    .datetime({ offset: true, message: "an ISO 8601 instant such as 2026-01-20T00:00:00Z" })
    .transform((iso) => new Date(iso))
    .optional(),
});

/** What every metric declares, whatever its source. */
const metricFields = {
  metric: key,
  name: z.string().min(1),
  /** counter: cumulative (total users); a drop is refused unless the source reports a reset. */
  type: z.enum(["counter", "gauge"]),
  unit: z.string().optional(),
};

/** A source Liftoff fetches over HTTP. */
const fetched = {
  ...metricFields,
  url: httpUrl,
  /** Sent as "Authorization: Bearer <value of this variable>". */
  tokenEnv: envName.optional(),
  timeout: duration.default(10_000),
};

const metricSource = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("http-json"),
    ...fetched,
    /** Where the number sits in the JSON body, e.g. "users.total" or "data[0].count". */
    path: z.string().min(1),
  }),
  z.strictObject({
    kind: z.literal("prometheus"),
    ...fetched,
    /** The metric's name in the exposition, e.g. stashbox_signups_total. */
    series: z.string().regex(/^[a-zA-Z_:][a-zA-Z0-9_:]*$/, "a Prometheus metric name"),
    /** Label matcher: every listed label must have this value. */
    labels: z.record(z.string(), z.string()).default({}),
    /** When several series match: add them up ("sum") or refuse the answer ("single"). */
    aggregate: z.enum(["single", "sum"]).default("single"),
    /** A gauge holding the process start time; when it moves, a counter drop is a reset. */
    startTimeSeries: z.string().default("process_start_time_seconds"),
  }),
  z.strictObject({
    kind: z.literal("html"),
    ...fetched,
    /** A CSS selector for the element holding the number ("1,234,567 users"). */
    selector: z.string().min(1),
    /** Read this attribute instead of the element's text. */
    attribute: z.string().optional(),
  }),
  z.strictObject({
    kind: z.literal("sql"),
    ...metricFields,
    /** The variable holding the connection string of the service's own PostgreSQL. */
    connectionEnv: envName,
    /** A query returning one row with one number, run read-only. */
    query: z.string().min(1),
    timeout: duration.default(5_000),
  }),
]);

/** An ISO 3166-1 alpha-2 country code, as rank sources name countries. */
const countryCode = z
  .string()
  .regex(/^[A-Za-z]{2}$/, "a two-letter country code such as NZ")
  .transform((code) => code.toUpperCase());

/** What every rank source declares. `key` names its series: two sources never share one. */
const rankFields = {
  key,
  /** How the dashboard labels the source; default its key. */
  name: z.string().min(1).optional(),
  timeout: duration.default(60_000),
};

/** CSS selectors for a page that shows a rank; see liftoff.config.example.yaml. */
const pageSelectors = z.strictObject({
  /** The element holding the global rank ("#1,234", "12K"). */
  global: z.string().min(1).optional(),
  /** One element per country; the two below are looked up inside it. */
  countryRow: z.string().min(1).optional(),
  /** Inside a row: the element naming the country (a code like NZ, a name, or a link to one). */
  countryCode: z.string().min(1).optional(),
  /** Read the code from this attribute of countryCode (e.g. href or title) instead of its text. */
  countryCodeAttribute: z.string().min(1).optional(),
  /** Inside a row: the element holding the country rank. */
  countryRank: z.string().min(1).optional(),
});

const rankSource = z.discriminatedUnion("kind", [
  z
    .strictObject({
      kind: z.literal("tranco"),
      ...rankFields,
      /** The daily list: a zip holding top-1m.csv (rank,domain). */
      listUrl: httpUrl.optional(),
      /** The API's base; Liftoff asks {apiUrl}/ranks/domain/{domain} to back-fill ~30 days. */
      apiUrl: httpUrl.optional(),
      /** Seconds between API requests (Tranco asks for at most one a second). */
      pace: duration.default(1_000),
    })
    .refine((s) => s.listUrl !== undefined || s.apiUrl !== undefined, {
      message: "listUrl, apiUrl or both",
      path: ["listUrl"],
    }),
  z.strictObject({
    kind: z.literal("cloudflare-radar"),
    ...rankFields,
    baseUrl: httpUrl.default("https://api.cloudflare.com/client/v4"),
    /** The variable holding a Radar API token (sent as a Bearer token). */
    tokenEnv: envName,
    /** Countries whose top list is read as well, for ranks of competitors there. */
    locations: z.array(countryCode).default([]),
  }),
  z.strictObject({
    kind: z.literal("csv-list"),
    ...rankFields,
    /** majestic: header, GlobalRank,TldRank,Domain,...; umbrella: a zip of rank,domain with
     *  hosts; crux: origin,rank where rank is a bucket's upper bound. */
    format: z.enum(["majestic", "umbrella", "crux"]),
    url: httpUrl,
  }),
  z
    .strictObject({
      kind: z.literal("page"),
      ...rankFields,
      /** The page of one site; {domain} is replaced by each tracked domain. */
      url: httpUrl.refine((url) => url.includes("{domain}"), "a URL containing {domain}"),
      /** A known layout: the alexa.com siteinfo pages of 2013 or 2017, or data.alexa.com XML. */
      preset: z.enum(["alexa-2013", "alexa-2017", "alexa-xml"]).optional(),
      selectors: pageSelectors.optional(),
      /** Samples are stored per period: fetching twice within it stores one sample. */
      period: duration.default(3_600_000),
    })
    .refine((s) => (s.preset === undefined) !== (s.selectors === undefined), {
      message: "either preset or selectors",
      path: ["preset"],
    }),
]);

/** Where services push samples to `POST /api/ingest/metrics` with their own bearer token. */
const pushSource = z.strictObject({
  key,
  /** The variable holding this source's bearer token. */
  tokenEnv: envName,
  metrics: z.array(z.strictObject(metricFields)).min(1),
});

/** What every monitor declares, whatever it probes. */
const monitorFields = {
  key,
  name: z.string().min(1),
  timeout: duration.default(10_000),
  interval: duration.default(60_000).refine((ms) => ms >= 10_000, "an interval of at least 10s"),
  /** Consecutive failed checks that open an outage, and successes that close it. */
  failuresToOpen: z.number().int().min(1).default(3),
  successesToClose: z.number().int().min(1).default(2),
  component: key.optional(),
};

const httpMonitor = z.strictObject({
  ...monitorFields,
  type: z.literal("http"),
  url: httpUrl,
  method: z.enum(["GET", "HEAD", "POST"]).default("GET"),
  headers: z.record(z.string(), z.string()).default({}),
  /** Status codes that count as up; default any 2xx. */
  expectStatus: z.array(z.number().int().min(100).max(599)).min(1).optional(),
  /** Text that must appear in the body (or must not, with keywordAbsent). */
  keyword: z.string().min(1).optional(),
  keywordAbsent: z.boolean().default(false),
  /** Above this latency a successful check counts as degraded. */
  degradedAfter: duration.optional(),
  /** Redirects followed before the check fails; 0 makes a redirect itself the answer. */
  maxRedirects: z.number().int().min(0).max(20).default(5),
});

/** A TCP port that must accept a connection. */
const tcpMonitor = z.strictObject({
  ...monitorFields,
  type: z.literal("tcp"),
  host: z.string().min(1),
  port: z.number().int().min(1).max(65_535),
  degradedAfter: duration.optional(),
});

/** A TLS certificate: valid, trusted, and not expiring within `warnDays`. */
const tlsMonitor = z.strictObject({
  ...monitorFields,
  type: z.literal("tls"),
  host: z.string().min(1),
  port: z.number().int().min(1).max(65_535).default(443),
  /** The name the certificate must carry; default the host. */
  serverName: z.string().min(1).optional(),
  /** Fewer days than this before expiry counts as degraded (a warning). */
  warnDays: z.number().int().min(1).default(14),
});

const monitor = z.discriminatedUnion("type", [httpMonitor, tcpMonitor, tlsMonitor]);

const component = z.strictObject({
  key,
  name: z.string().min(1),
  description: z.string().optional(),
  /** The key of the group component this one belongs to. */
  group: key.optional(),
  position: z.number().int().default(0),
  showcase: z.boolean().default(true),
  onlyShowIfDegraded: z.boolean().default(false),
});

const thresholdSeries = z.enum(["powers-of-ten", "1-2-5"]);

const milestone = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("metric"),
    key,
    metric: key,
    thresholds: z.union([z.array(z.number().positive()).min(1), thresholdSeries]),
    template: z.string().min(1).optional(),
  }),
  z.strictObject({
    kind: z.literal("rank"),
    key,
    /** A rank source's key. */
    source: key,
    /** "global" or a country code. */
    scope: z.union([z.literal("global"), countryCode]).default("global"),
    /** Each threshold met is a milestone ("entered the top 150"). */
    atMost: z.array(z.number().int().positive()).min(1).default([1000, 500, 200, 150, 100]),
    template: z.string().min(1).optional(),
  }),
  z.strictObject({
    /** Every new best exact global rank of a source, after its first. */
    kind: z.literal("best-rank"),
    key,
    source: key,
    /** Only a new best at or under this rank is a milestone; the climb to it is not posted. */
    atMost: z.number().int().positive().optional(),
    template: z.string().min(1).optional(),
  }),
  z.strictObject({
    /** The service ranked #1 in a country by a source (every country, or those listed). */
    kind: z.literal("country-first"),
    key,
    source: key,
    countries: z.array(countryCode).optional(),
    template: z.string().min(1).optional(),
  }),
  z.strictObject({
    /** An outage over, once it lasted minDuration and the service then ran stableFor without one. */
    kind: z.literal("outage-resolved"),
    key,
    minDuration: duration.default(300_000),
    /** How long the service must run after the outage before "stable again" (its success rate is over this). */
    stableFor: duration.default(3_600_000),
    template: z.string().min(1).optional(),
  }),
  z.strictObject({
    /** A record period: a completed day (or hour) whose increase beats every earlier one. */
    kind: z.literal("velocity"),
    key,
    metric: key,
    period: z.enum(["day", "hour"]),
    template: z.string().min(1).optional(),
  }),
  z.strictObject({
    /** A summary after the first 24 hours, the first week (7d), or any duration since launch. */
    kind: z.literal("time"),
    key,
    after: duration,
    /** The metric whose gain is summed up; default the first counter declared. */
    metric: key.optional(),
    template: z.string().min(1).optional(),
  }),
]);

const channelCommon = {
  /** At most 64 characters: the outbox names a post's channel by it. */
  key: key.max(64, "a key of at most 64 characters"),
  mode: z.enum(["auto", "approve", "dry-run"]).optional(),
  /** Texts for this channel only, by milestone key, in place of the milestone's template. */
  templates: z.record(key, z.string().min(1)).default({}),
  dailyCap: z.number().int().positive().default(10),
  /** Local times (in `timezone`) between which nothing is posted, e.g. ["22:00", "07:00"]. */
  quietHours: z
    .tuple([z.string().regex(/^\d\d:\d\d$/, "HH:MM"), z.string().regex(/^\d\d:\d\d$/, "HH:MM")])
    .optional(),
};

/** A channel's base URL. A path (a proxy's prefix) is kept; a query or a fragment could not be. */
const channelBaseUrl = httpUrl.refine(
  (url) => !/[?#]/.test(url),
  "a base URL without a ?query or #fragment",
);

/** masto resolves "/api/v1/..." against the host alone, so a Mastodon server is named by its root. */
const mastodonBaseUrl = channelBaseUrl.refine(
  (url) => /^https?:\/\/[^/]+\/?$/.test(url),
  "the server's root URL, such as https://mastodon.social: the Mastodon client (masto) puts /api/v1/ right after the host, so a path would be dropped",
);

const channel = z.discriminatedUnion("kind", [
  z.strictObject({
    ...channelCommon,
    kind: z.literal("x"),
    baseUrl: channelBaseUrl.default("https://api.x.com"),
    apiKeyEnv: envName,
    apiSecretEnv: envName,
    accessTokenEnv: envName,
    accessSecretEnv: envName,
  }),
  z.strictObject({
    ...channelCommon,
    kind: z.literal("mastodon"),
    baseUrl: mastodonBaseUrl,
    tokenEnv: envName,
    maxChars: z.number().int().positive().default(500),
  }),
  z.strictObject({
    ...channelCommon,
    kind: z.literal("bluesky"),
    baseUrl: channelBaseUrl.default("https://bsky.social"),
    identifierEnv: envName,
    passwordEnv: envName,
  }),
  z.strictObject({ ...channelCommon, kind: z.literal("webhook"), urlEnv: envName }),
]);

/** What founders hear about, privately: an outage opening and closing. */
export const alertEvents = ["outage-opened", "outage-closed"] as const;

/** A founders' private alert destination: a Slack or Discord incoming webhook, or plain JSON. */
const alert = z.strictObject({
  key,
  /** slack: {text, blocks}; discord: {content, embeds}; webhook: a JSON object with the event. */
  kind: z.enum(["webhook", "slack", "discord"]),
  /** The variable holding the destination's URL (incoming-webhook URLs carry their token). */
  urlEnv: envName,
  /** Which events it gets; default both. */
  events: z
    .array(z.enum(alertEvents))
    .min(1)
    .default([...alertEvents]),
  /** How long one delivery may take before it counts as failed and is retried later. */
  timeout: duration.default(5_000),
});

/** A public subscriber of status changes: Statuspage-shaped JSON, signed with HMAC-SHA256. */
const statusWebhook = z.strictObject({
  key,
  urlEnv: envName,
  /** The variable holding the shared secret the X-Liftoff-Signature header is made with. */
  secretEnv: envName,
  timeout: duration.default(5_000),
});

const jobSettings = z.strictObject({
  schedule: cronExpression,
  timeout: duration.default(60_000),
  /** Each run starts after a random delay up to this, so workers do not stampede a source. */
  jitter: duration.default(2_000),
  enabled: z.boolean().default(true),
});

const simulator = z.strictObject({
  /** Start the launch simulator with `npm start` (the demo). */
  enabled: z.boolean().default(false),
  port: z.number().int().min(1).max(65_535).default(4100),
  /** Simulated seconds per real second: 1 runs the demo on the real clock. */
  speed: z.number().positive().default(1),
  /** Where in the scenario a simulator without a seeded launch starts (npm run simulate). */
  startOffsetHours: z.number().min(0).default(0),
  /** How far into the scenario "now" is on the demo's first start: that much launch is seeded. */
  weekHours: z.number().positive().max(720).default(150),
  scenario: z.string().default("simulator/scenarios/launch-week.yaml"),
});

export const configSchema = z
  .strictObject({
    timezone: timeZone.default("UTC"),
    service,
    competitors: z.array(site).default([]),
    sources: z
      .strictObject({
        metrics: z.array(metricSource).default([]),
        push: z.array(pushSource).default([]),
        ranks: z.array(rankSource).default([]),
      })
      .default({ metrics: [], push: [], ranks: [] }),
    monitors: z.array(monitor).default([]),
    /** How long raw checks are kept; their minute, hour and day rollups are kept for good. */
    checkRetention: duration.default(30 * 86_400_000),
    statusPage: z
      .strictObject({
        /** The page's title; default the service's name. */
        name: z.string().min(1).optional(),
        /** Where the page is published (links in feeds and the API's page.url); default LIFTOFF_BASE_URL/status. */
        url: httpUrl.optional(),
        /** Incidents shown per page of history. */
        incidentsPerPage: z.number().int().min(1).max(100).default(10),
        /** Sites allowed to show the public pages in a frame (frame-ancestors); default none. */
        embedOrigins: z.array(origin).default([]),
      })
      .default({ incidentsPerPage: 10, embedOrigins: [] }),
    components: z.array(component).default([]),
    milestones: z.array(milestone).default([]),
    channels: z.array(channel).default([]),
    alerts: z.array(alert).default([]),
    webhooks: z.array(statusWebhook).default([]),
    jobs: z.partialRecord(z.enum(jobNames), jobSettings).default({}),
    simulator: simulator.optional(),
  })
  .superRefine(checkReferences);

type RawConfig = z.output<typeof configSchema>;

/** Keys must be unique and every reference must name something declared. */
function checkReferences(config: RawConfig, ctx: z.RefinementCtx): void {
  const unique = (list: { key: string }[], section: string) => {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      if (seen.has(item.key)) {
        ctx.addIssue({
          code: "custom",
          path: [section, i, "key"],
          message: `a key not used earlier in ${section}`,
          input: item.key,
        });
      }
      seen.add(item.key);
    });
  };
  unique(config.monitors, "monitors");
  unique(config.components, "components");
  unique(config.milestones, "milestones");
  unique(config.channels, "channels");
  unique(config.alerts, "alerts");
  unique(config.webhooks, "webhooks");
  config.alerts.forEach((a, i) => {
    const repeated = a.events.findIndex((e, j) => a.events.indexOf(e) !== j);
    if (repeated >= 0) {
      ctx.addIssue({
        code: "custom",
        path: ["alerts", i, "events", repeated],
        message: "an event not listed earlier",
        input: a.events[repeated],
      });
    }
  });
  config.webhooks.forEach((w, i) => {
    if (w.secretEnv === w.urlEnv) {
      ctx.addIssue({
        code: "custom",
        path: ["webhooks", i, "secretEnv"],
        message: "a variable other than urlEnv (the secret signs, the URL addresses)",
        input: w.secretEnv,
      });
    }
  });
  unique(config.sources.push, "sources.push");
  unique(config.sources.ranks, "sources.ranks");
  // A metric has one source: declared once across sources.metrics and sources.push.
  const metricKeys = new Set<string>();
  const declareMetric = (metric: string, path: (string | number)[]) => {
    if (metricKeys.has(metric)) {
      ctx.addIssue({
        code: "custom",
        path,
        message: "a metric key no other source declares",
        input: metric,
      });
    }
    metricKeys.add(metric);
  };
  config.sources.metrics.forEach((m, i) =>
    declareMetric(m.metric, ["sources", "metrics", i, "metric"]),
  );
  config.sources.push.forEach((p, i) =>
    p.metrics.forEach((m, j) =>
      declareMetric(m.metric, ["sources", "push", i, "metrics", j, "metric"]),
    ),
  );

  const domains = [config.service.domain, ...config.competitors.map((c) => c.domain)];
  config.competitors.forEach((c, i) => {
    if (domains.indexOf(c.domain) !== i + 1) {
      ctx.addIssue({
        code: "custom",
        path: ["competitors", i, "domain"],
        message: "a domain not tracked already",
        input: c.domain,
      });
    }
  });

  const componentKeys = new Set(config.components.map((c) => c.key));
  config.components.forEach((c, i) => {
    if (c.group !== undefined && (!componentKeys.has(c.group) || c.group === c.key)) {
      ctx.addIssue({
        code: "custom",
        path: ["components", i, "group"],
        message: "the key of another component",
        input: c.group,
      });
    }
  });
  config.monitors.forEach((m, i) => {
    if (m.component !== undefined && !componentKeys.has(m.component)) {
      ctx.addIssue({
        code: "custom",
        path: ["monitors", i, "component"],
        message: "the key of a component",
        input: m.component,
      });
    }
  });
  const rankSourceKeys = new Set(config.sources.ranks.map((s) => s.key));
  config.milestones.forEach((m, i) => {
    if ("source" in m && !rankSourceKeys.has(m.source)) {
      ctx.addIssue({
        code: "custom",
        path: ["milestones", i, "source"],
        message: "the key of a source in sources.ranks",
        input: m.source,
      });
    }
    if ((m.kind === "metric" || m.kind === "velocity") && !metricKeys.has(m.metric)) {
      ctx.addIssue({
        code: "custom",
        path: ["milestones", i, "metric"],
        message: "a metric from sources.metrics or sources.push",
        input: m.metric,
      });
    }
    if (m.kind === "time" && m.metric !== undefined && !metricKeys.has(m.metric)) {
      ctx.addIssue({
        code: "custom",
        path: ["milestones", i, "metric"],
        message: "a metric from sources.metrics or sources.push",
        input: m.metric,
      });
    }
  });
  checkTemplates(config, ctx);
}

/** Every template uses only the {variables} its kind of milestone offers, and no "#" before a rank. */
function checkTemplates(config: RawConfig, ctx: z.RefinementCtx): void {
  const check = (template: string, kind: MilestoneKind, path: (string | number)[]) => {
    const misread = misreadRank(template, kind);
    if (misread !== null) ctx.addIssue({ code: "custom", path, message: misread, input: template });
    const unknown = unknownVariables(template, kind);
    if (unknown.length === 0) return;
    const offered = templateVariables[kind].map((name) => `{${name}}`).join(", ");
    ctx.addIssue({
      code: "custom",
      path,
      message: `a template using only ${offered} (${unknown.map((name) => `{${name}}`).join(", ")} is not one)`,
      input: template,
    });
  };
  const kinds = new Map(config.milestones.map((m) => [m.key, m.kind]));
  config.milestones.forEach((m, i) => {
    if (m.template !== undefined) check(m.template, m.kind, ["milestones", i, "template"]);
  });
  config.channels.forEach((c, i) => {
    for (const [milestone, template] of Object.entries(c.templates)) {
      const path = ["channels", i, "templates", milestone];
      const kind = kinds.get(milestone);
      if (kind) check(template, kind, path);
      else
        ctx.addIssue({ code: "custom", path, message: "the key of a milestone", input: milestone });
    }
  });
}

export type Config = RawConfig;
export type MetricSourceConfig = Config["sources"]["metrics"][number];
export type PushSourceConfig = Config["sources"]["push"][number];
export type RankSourceConfig = Config["sources"]["ranks"][number];
export type MonitorConfig = Config["monitors"][number];
export type ComponentConfig = Config["components"][number];
export type JobSettings = z.output<typeof jobSettings>;
export type AlertConfig = Config["alerts"][number];
export type StatusWebhookConfig = Config["webhooks"][number];
export type AlertEvent = (typeof alertEvents)[number];
export type MilestoneConfig = Config["milestones"][number];
export type ChannelConfig = Config["channels"][number];
