// Metric source: the number in one element of a web page ("1,234,567 users" in #user-count).
// A selector that finds nothing means the page changed: an "empty" error, not a zero.
import { load } from "cheerio";
import type { MetricSourceConfig } from "@/lib/config/schema";
import { SourceError } from "@/lib/errors";
import type { MetricReader } from "@/lib/growth/sample-types";
import { fetchMetricPage } from "./fetch-metric-page";
import { parseNumber } from "@/lib/numbers/parse-number";

export type HtmlConfig = Extract<MetricSourceConfig, { kind: "html" }>;

/** What reading a page needs from the configuration. */
export type HtmlSelection = Pick<HtmlConfig, "metric" | "type" | "selector" | "attribute">;

const quoteLimit = 80;

function quote(text: string): string {
  const short = text.length > quoteLimit ? `${text.slice(0, quoteLimit)}…` : text;
  return JSON.stringify(short);
}

/**
 * The number in the one element `selector` matches (its text, or `attribute`). A counter counts
 * things, so its text is read as an integer: "1.234" on a European page is 1234, and a fraction
 * is refused rather than stored.
 */
export function parseHtmlMetric(body: string, config: HtmlSelection): number {
  const source = `metric ${config.metric}`;
  const $ = load(body);
  let elements;
  try {
    elements = $(config.selector);
  } catch (error) {
    throw new SourceError(
      "parse",
      source,
      `selector "${config.selector}" is not valid CSS (${(error as Error).message})`,
    );
  }
  if (elements.length === 0) {
    throw new SourceError(
      "empty",
      source,
      `selector "${config.selector}" matched nothing: the page has changed`,
    );
  }
  if (elements.length > 1) {
    throw new SourceError(
      "parse",
      source,
      `selector "${config.selector}" matched ${elements.length} elements, not one`,
    );
  }
  const raw = config.attribute === undefined ? elements.text() : elements.attr(config.attribute);
  if (raw === undefined) {
    throw new SourceError(
      "empty",
      source,
      `the element "${config.selector}" has no ${config.attribute} attribute`,
    );
  }
  const text = raw.replace(/\s+/g, " ").trim();
  const value = parseNumber(text, { integer: config.type === "counter" });
  if (value === null) {
    const what = config.attribute === undefined ? "text" : `${config.attribute} attribute`;
    throw new SourceError(
      "parse",
      source,
      `the ${what} of "${config.selector}" is not one ${config.type === "counter" ? "whole " : ""}number: ${quote(text)}`,
    );
  }
  return value;
}

export const readHtmlMetric: MetricReader<HtmlConfig> = async (config, signal) => {
  const response = await fetchMetricPage(config, "text/html,application/xhtml+xml", signal);
  return { value: parseHtmlMetric(response.body, config) };
};
