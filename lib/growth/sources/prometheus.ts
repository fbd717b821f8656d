// Metric source: one series (or the sum of several) from a Prometheus text exposition (format
// 0.0.4), with the process start time so that a counter drop after a restart reads as a reset.
//
// The exposition parser is ours, small and strict: the npm parsers for this format are
// unmaintained and untyped, and a scrape we half understand is worse than one we refuse. Like
// Prometheus itself, any malformed line refuses the whole answer.
import type { MetricSourceConfig } from "@/lib/config/schema";
import { SourceError } from "@/lib/errors";
import { redactUrl } from "@/lib/http/redact-url";
import type { MetricReader } from "@/lib/growth/sample-types";
import { fetchMetricPage } from "./fetch-metric-page";
import { type PrometheusSample, parseExposition, seriesName } from "./prometheus-exposition";

export { parseExposition, type PrometheusSample, seriesName } from "./prometheus-exposition";

export type PrometheusConfig = Extract<MetricSourceConfig, { kind: "prometheus" }>;

/** What the selection needs from the configuration. */
export type PrometheusSelection = Pick<
  PrometheusConfig,
  "metric" | "series" | "labels" | "aggregate" | "startTimeSeries"
>;

function describe(samples: PrometheusSample[]): string {
  const names = samples.slice(0, 5).map((s) => seriesName(s.name, s.labels));
  return samples.length > 5
    ? `${names.join(", ")} and ${samples.length - 5} more`
    : names.join(", ");
}

/** Two series agree when every label they both carry has the same value. */
function agree(a: PrometheusSample, b: PrometheusSample): boolean {
  return Object.entries(a.labels).every(
    ([label, value]) => !(label in b.labels) || b.labels[label] === value,
  );
}

/** The configured series' value, its timestamp, and the start time of the process exposing it. */
export function parsePrometheusMetric(
  body: string,
  config: PrometheusSelection,
): { value: number; startedAt?: Date; at?: Date } {
  const source = `metric ${config.metric}`;
  const samples = parseExposition(body, source);
  const matcher = seriesName(config.series, config.labels);
  const named = samples.filter((s) => s.name === config.series);
  const matched = named.filter((s) =>
    Object.entries(config.labels).every(([label, value]) => s.labels[label] === value),
  );
  if (matched.length === 0) {
    const present =
      named.length > 0 ? `only ${describe(named)}` : `no series named ${config.series}`;
    throw new SourceError(
      "parse",
      source,
      `no series matches ${matcher}; the exposition has ${present}`,
    );
  }
  if (matched.length > 1 && config.aggregate === "single") {
    throw new SourceError(
      "parse",
      source,
      `${matched.length} series match ${matcher} and aggregate is "single": ${describe(matched)}; ` +
        `add labels to pick one or set aggregate: sum`,
    );
  }
  for (const s of matched) {
    if (!Number.isFinite(s.value))
      throw new SourceError(
        "parse",
        source,
        `${seriesName(s.name, s.labels)} is ${s.value}, not a finite number`,
      );
  }
  const value = matched.reduce((sum, s) => sum + s.value, 0);
  const stamps = matched.flatMap((s) => (s.timestamp === undefined ? [] : [s.timestamp]));
  const at = stamps.length === matched.length ? new Date(Math.max(...stamps)) : undefined;
  return { value, ...startTime(samples, matched, config, source), ...(at ? { at } : {}) };
}

/**
 * The latest start among the start-time series that agree with a matched series: one process in
 * the usual case; with several (a federated exposition), a restart of any may reset a sum.
 */
function startTime(
  samples: PrometheusSample[],
  matched: PrometheusSample[],
  config: PrometheusSelection,
  source: string,
): { startedAt?: Date } {
  const starts = samples.filter(
    (s) => s.name === config.startTimeSeries && matched.some((m) => agree(s, m)),
  );
  if (starts.length === 0) return {};
  for (const s of starts) {
    if (!Number.isFinite(s.value) || s.value <= 0)
      throw new SourceError(
        "parse",
        source,
        `${seriesName(s.name, s.labels)} is ${s.value}, not a start time in seconds since the epoch`,
      );
  }
  return { startedAt: new Date(Math.round(Math.max(...starts.map((s) => s.value)) * 1000)) };
}

export const readPrometheusMetric: MetricReader<PrometheusConfig> = async (config, signal) => {
  const response = await fetchMetricPage(config, "text/plain;version=0.0.4;q=1,*/*;q=0.1", signal);
  if (/protobuf/i.test(response.headers.get("content-type") ?? "")) {
    throw new SourceError(
      "parse",
      response.source,
      `${redactUrl(config.url)} answered protobuf, not the text format`,
    );
  }
  return parsePrometheusMetric(response.body, config);
};
