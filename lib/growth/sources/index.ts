// The metric sources Liftoff fetches, one reader per `kind` of sources.metrics. Adding a kind to
// the configuration schema without a reader here is a type error.
import type { MetricSourceConfig } from "@/lib/config/schema";
import type { MetricReader } from "@/lib/growth/sample-types";
import { readHtmlMetric } from "./html";
import { readJsonMetric } from "./http-json";
import { readPrometheusMetric } from "./prometheus";
import { readSqlMetric } from "./sql";

export type MetricKind = MetricSourceConfig["kind"];
export type MetricReading = Awaited<ReturnType<MetricReader<MetricSourceConfig>>>;

export const metricReaders: {
  [K in MetricKind]: MetricReader<Extract<MetricSourceConfig, { kind: K }>>;
} = {
  "http-json": readJsonMetric,
  prometheus: readPrometheusMetric,
  html: readHtmlMetric,
  sql: readSqlMetric,
};

/** Reads a metric once from its configured source; a SourceError says what went wrong. */
export function readMetric(
  config: MetricSourceConfig,
  signal?: AbortSignal,
): Promise<MetricReading> {
  const read = metricReaders[config.kind] as MetricReader<MetricSourceConfig>;
  return read(config, signal);
}
