import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SourceError } from "@/lib/errors";
import {
  parseExposition,
  parsePrometheusMetric,
  seriesName,
  type PrometheusSelection,
} from "./prometheus";

const fixture = readFileSync("tests/fixtures/metrics/stashbox.prom", "utf8");

const select = (overrides: Partial<PrometheusSelection>): PrometheusSelection => ({
  metric: "signups",
  series: "stashbox_signups_total",
  labels: {},
  aggregate: "single",
  startTimeSeries: "process_start_time_seconds",
  ...overrides,
});

/** The SourceError a call throws, for its kind and message. */
function refusal(fn: () => unknown): SourceError {
  try {
    fn();
  } catch (error) {
    if (error instanceof SourceError) return error;
    throw error;
  }
  throw new Error("expected a SourceError");
}

describe("parseExposition", () => {
  const samples = parseExposition(fixture, "metric t");
  const find = (name: string, labels: Record<string, string> = {}) =>
    samples.find((s) => seriesName(s.name, s.labels) === seriesName(name, labels));

  it("reads every sample of a real exposition, skipping HELP, TYPE, comments and blank lines", () => {
    expect(samples).toHaveLength(51);
    expect(find("process_cpu_user_seconds_total")?.value).toBe(5821.412);
    expect(find("process_resident_memory_bytes")?.value).toBe(318_504_960);
    expect(find("stashbox_signups_total", { plan: "pro" })?.value).toBe(3431);
  });

  it("unescapes label values (quotes, backslashes, new lines) and allows a trailing comma", () => {
    const sources = samples
      .filter((s) => s.name === "stashbox_share_links_created_total")
      .map((s) => s.labels.source);
    expect(sources).toEqual([
      'context "menu"',
      "toolbar",
      "C:\\Users\\Public",
      "line one\nline two",
    ]);
  });

  it("keeps histogram buckets apart by their le label, +Inf included", () => {
    const buckets = samples.filter(
      (s) => s.name === "http_request_duration_seconds_bucket" && s.labels.route === "/api/uploads",
    );
    expect(buckets.map((b) => b.labels.le)).toEqual([
      "0.005",
      "0.01",
      "0.025",
      "0.05",
      "0.1",
      "0.25",
      "0.5",
      "1",
      "+Inf",
    ]);
    expect(buckets.at(-1)?.value).toBe(255_005);
  });

  it("reads NaN, +Inf and timestamps", () => {
    expect(find("stashbox_storage_bytes", { region: "ap-south" })?.value).toBeNaN();
    expect(find("stashbox_quota_bytes", { plan: "team" })?.value).toBe(Infinity);
    expect(find("stashbox_queue_depth", { queue: "virus-scan" })).toEqual({
      name: "stashbox_queue_depth",
      labels: { queue: "virus-scan" },
      value: 3,
      timestamp: 1_768_982_395_000,
    });
  });

  it("accepts tabs, spaces inside braces, CRLF line ends and signed values", () => {
    const body = 'a_total{ x = "1" , y="2" }\t-1.5e3\r\nb +Inf\r\nc -Inf 0\r\n';
    expect(parseExposition(body, "t")).toEqual([
      { name: "a_total", labels: { x: "1", y: "2" }, value: -1500 },
      { name: "b", labels: {}, value: Infinity },
      { name: "c", labels: {}, value: -Infinity, timestamp: 0 },
    ]);
  });

  it.each([
    [
      "a value that is not a number",
      "up yes",
      /line 1 of the exposition has a value that is not a number: "yes"/,
    ],
    ["a missing value", "up", /has no blank between the series and its value/],
    ["a missing value after labels", 'up{a="b"}', /has no blank between the series and its value/],
    ["an unterminated label value", 'up{a="b} 1', /a label value without its closing quote/],
    ["an invalid escape", 'up{a="\\t"} 1', /invalid escape "\\t"/],
    ["a label without quotes", "up{a=b} 1", /misses the opening quote of the label a/],
    ["a repeated label", 'up{a="1",a="2"} 1', /repeats the label a/],
    [
      "a repeated series",
      'up{a="1",b="2"} 1\nup{b="2",a="1"} 2',
      /line 2 .*repeats the series up\{a="1",b="2"\}/,
    ],
    ["a fractional timestamp", "up 1 1.5", /timestamp that is not milliseconds: "1.5"/],
    ["text after the timestamp", "up 1 2 3", /text after the timestamp/],
    ["an unknown TYPE", "# TYPE up meter\nup 1", /gives up an unknown type "meter"/],
    [
      "a TYPE given twice",
      "# TYPE up gauge\n# TYPE up gauge\nup 1",
      /line 2 .*declares the TYPE of up a second time/,
    ],
    ["a line starting with a digit", "1up 1", /does not start with a metric name/],
  ])("refuses %s", (_name, body, message) => {
    const error = refusal(() => parseExposition(body, "metric t"));
    expect(error.kind).toBe("parse");
    expect(error.message).toMatch(message);
  });
});

describe("parsePrometheusMetric", () => {
  it("reads the one series that matches the labels, with the process start time", () => {
    expect(parsePrometheusMetric(fixture, select({ labels: { plan: "free" } }))).toEqual({
      value: 94_611,
      startedAt: new Date("2026-01-21T03:00:00Z"),
    });
  });

  it("adds up the matching series with aggregate sum", () => {
    expect(parsePrometheusMetric(fixture, select({ aggregate: "sum" })).value).toBe(98_042);
    const created = select({ series: "stashbox_share_links_created_total", aggregate: "sum" });
    expect(parsePrometheusMetric(fixture, { ...created, labels: { client: "web" } }).value).toBe(
      29_457,
    );
  });

  it("matches label values that hold escaped characters", () => {
    const config = select({
      series: "stashbox_share_links_created_total",
      labels: { source: 'context "menu"' },
    });
    expect(parsePrometheusMetric(fixture, config).value).toBe(20_117);
  });

  it("reads a histogram's count and one bucket", () => {
    const count = select({
      series: "http_request_duration_seconds_count",
      labels: { route: "/api/uploads" },
    });
    expect(parsePrometheusMetric(fixture, count).value).toBe(255_005);
    const bucket = select({
      series: "http_request_duration_seconds_bucket",
      labels: { route: "/api/files", le: "+Inf" },
    });
    expect(parsePrometheusMetric(fixture, bucket).value).toBe(174_950);
  });

  it("returns the sample's own timestamp as `at`", () => {
    const config = select({ series: "stashbox_queue_depth", labels: { queue: "thumbnails" } });
    expect(parsePrometheusMetric(fixture, config)).toEqual({
      value: 42,
      startedAt: new Date("2026-01-21T03:00:00Z"),
      at: new Date(1_768_982_400_000),
    });
  });

  it("refuses several matches with aggregate single, naming the matcher and each match", () => {
    const error = refusal(() => parsePrometheusMetric(fixture, select({})));
    expect(error.kind).toBe("parse");
    expect(error.message).toBe(
      'metric signups: 2 series match stashbox_signups_total and aggregate is "single": ' +
        'stashbox_signups_total{plan="free"}, stashbox_signups_total{plan="pro"}; ' +
        "add labels to pick one or set aggregate: sum",
    );
  });

  it("refuses a matcher that matches nothing, saying what the exposition has", () => {
    const error = refusal(() =>
      parsePrometheusMetric(fixture, select({ labels: { plan: "team" } })),
    );
    expect(error.kind).toBe("parse");
    expect(error.message).toBe(
      'metric signups: no series matches stashbox_signups_total{plan="team"}; the exposition has ' +
        'only stashbox_signups_total{plan="free"}, stashbox_signups_total{plan="pro"}',
    );
    const missing = refusal(() =>
      parsePrometheusMetric(fixture, select({ series: "stashbox_logins_total", aggregate: "sum" })),
    );
    expect(missing.message).toMatch(/the exposition has no series named stashbox_logins_total$/);
  });

  it("lists at most five matches", () => {
    const config = select({ series: "http_request_duration_seconds_bucket" });
    expect(refusal(() => parsePrometheusMetric(fixture, config)).message).toMatch(/ and 13 more;/);
  });

  it.each([
    [
      "NaN",
      { series: "stashbox_storage_bytes", labels: { region: "ap-south" } },
      /region="ap-south"\} is NaN/,
    ],
    [
      "+Inf",
      { series: "stashbox_quota_bytes", labels: { plan: "team" } },
      /plan="team"\} is Infinity/,
    ],
    [
      "NaN inside a sum",
      { series: "stashbox_storage_bytes", aggregate: "sum" as const },
      /is NaN, not a finite/,
    ],
  ])("refuses a %s value", (_name, overrides, message) => {
    const error = refusal(() => parsePrometheusMetric(fixture, select(overrides)));
    expect(error.kind).toBe("parse");
    expect(error.message).toMatch(message);
  });

  it("gives no start time when the exposition has none", () => {
    const body = "# TYPE signups_total counter\nsignups_total 12\n";
    expect(parsePrometheusMetric(body, select({ series: "signups_total" }))).toEqual({ value: 12 });
  });

  it("reads a start time from a configured series, in fractional seconds", () => {
    const body = "signups_total 12\napp_started_seconds 1768964400.25\n";
    const config = select({ series: "signups_total", startTimeSeries: "app_started_seconds" });
    expect(parsePrometheusMetric(body, config).startedAt).toEqual(
      new Date("2026-01-21T03:00:00.250Z"),
    );
  });

  it("takes the start time of the matching process in a federated exposition", () => {
    const body = [
      'signups_total{instance="a"} 10',
      'signups_total{instance="b"} 20',
      'process_start_time_seconds{instance="a"} 1000',
      'process_start_time_seconds{instance="b"} 2000',
    ].join("\n");
    const one = select({ series: "signups_total", labels: { instance: "a" } });
    expect(parsePrometheusMetric(body, one)).toEqual({ value: 10, startedAt: new Date(1_000_000) });
    // A sum resets when any of its processes restarts: the latest start counts.
    const all = select({ series: "signups_total", aggregate: "sum" });
    expect(parsePrometheusMetric(body, all)).toEqual({ value: 30, startedAt: new Date(2_000_000) });
  });

  it("refuses a start time that is not a time", () => {
    const body = "signups_total 12\nprocess_start_time_seconds NaN\n";
    expect(
      refusal(() => parsePrometheusMetric(body, select({ series: "signups_total" }))).message,
    ).toMatch(/process_start_time_seconds is NaN, not a start time/);
  });
});
