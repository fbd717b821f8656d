// Metric source: a number at a configured path in a JSON answer ("users.total", "data[0].count").
import type { MetricSourceConfig } from "@/lib/config/schema";
import { SourceError } from "@/lib/errors";
import type { MetricReader } from "@/lib/growth/sample-types";
import { fetchMetricPage } from "./fetch-metric-page";

export type HttpJsonConfig = Extract<MetricSourceConfig, { kind: "http-json" }>;

/** Splits "data[0].count" into ["data", 0, "count"]. */
export function parseJsonPath(path: string): (string | number)[] {
  return path
    .replace(/\[(\d+)\]/g, ".$1")
    .split(".")
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Reads the finite number at `path` in a JSON text; a SourceError says what was wrong. */
export function parseJsonMetric(body: string, path: string, source: string): number {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    throw new SourceError("parse", source, `answer is not JSON (${(error as Error).message})`);
  }
  for (const part of parseJsonPath(path)) {
    if (value === null || typeof value !== "object") {
      throw new SourceError("empty", source, `no value at "${path}" in the answer`);
    }
    value = (value as Record<string | number, unknown>)[part];
  }
  if (value === undefined || value === null)
    throw new SourceError("empty", source, `no value at "${path}" in the answer`);
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  if (typeof number !== "number" || !Number.isFinite(number)) {
    throw new SourceError(
      "parse",
      source,
      `value at "${path}" is not a finite number: ${JSON.stringify(value)?.slice(0, 60)}`,
    );
  }
  return number;
}

export async function fetchJsonMetric(
  config: HttpJsonConfig,
  signal?: AbortSignal,
): Promise<number> {
  const response = await fetchMetricPage(config, "application/json", signal, 1024 * 1024);
  return parseJsonMetric(response.body, config.path, response.source);
}

export const readJsonMetric: MetricReader<HttpJsonConfig> = async (config, signal) => ({
  value: await fetchJsonMetric(config, signal),
});
