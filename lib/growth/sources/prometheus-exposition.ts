// The Prometheus text exposition format (0.0.4), parsed strictly: like Prometheus itself, one bad
// line refuses the whole answer.
import { SourceError } from "@/lib/errors";

export type PrometheusSample = {
  name: string;
  labels: Record<string, string>;
  /** May be NaN or ±Infinity, as the format allows; selection refuses those. */
  value: number;
  /** Milliseconds since the epoch, when the exposition gives one. */
  timestamp?: number;
};

const metricName = /[a-zA-Z_:][a-zA-Z0-9_:]*/y;
const labelName = /[a-zA-Z_][a-zA-Z0-9_]*/y;
const blanks = /[ \t]*/y;
const metricTypes = new Set(["counter", "gauge", "histogram", "summary", "untyped"]);

/** Every sample in the exposition; a SourceError "parse" names the first bad line. */
export function parseExposition(body: string, source: string): PrometheusSample[] {
  const samples: PrometheusSample[] = [];
  const seen = new Set<string>();
  const typed = new Set<string>();
  body.split("\n").forEach((raw, index) => {
    const line = raw.replace(/\r$/, "").trim();
    const fail = (message: string): never => {
      throw new SourceError("parse", source, `line ${index + 1} of the exposition ${message}`);
    };
    if (line === "") return;
    if (line.startsWith("#")) {
      const [, keyword, name, rest] = /^#[ \t]+(HELP|TYPE)(?:[ \t]+(\S+))?(?:[ \t]+(.*))?$/.exec(
        line,
      ) ?? [undefined, undefined];
      if (!keyword) return; // any other comment
      if (!name || !/^[a-zA-Z_:][a-zA-Z0-9_:]*$/.test(name))
        fail(`has ${keyword} without a metric name`);
      if (keyword === "TYPE") {
        if (!metricTypes.has(rest ?? "")) fail(`gives ${name} an unknown type "${rest ?? ""}"`);
        if (typed.has(name!)) fail(`declares the TYPE of ${name} a second time`);
        typed.add(name!);
      }
      return;
    }
    const sample = parseSampleLine(line, fail);
    const key = seriesName(sample.name, sample.labels);
    if (seen.has(key)) fail(`repeats the series ${key}`);
    seen.add(key);
    samples.push(sample);
  });
  return samples;
}

function parseSampleLine(line: string, fail: (message: string) => never): PrometheusSample {
  let at = 0;
  const take = (pattern: RegExp): string | undefined => {
    pattern.lastIndex = at;
    const match = pattern.exec(line);
    if (match) at = pattern.lastIndex;
    return match?.[0];
  };
  const name = take(metricName) ?? fail("does not start with a metric name");
  const labels: Record<string, string> = {};
  if (line[at] === "{") {
    at += 1;
    for (;;) {
      take(blanks);
      if (line[at] === "}") break;
      const label = take(labelName) ?? fail(`has a bad label name in ${name}`);
      take(blanks);
      if (line[at] !== "=") fail(`misses "=" after the label ${label}`);
      at += 1;
      take(blanks);
      if (line[at] !== '"') fail(`misses the opening quote of the label ${label}`);
      const { value, end } = readQuoted(line, at + 1, fail);
      if (label in labels) fail(`repeats the label ${label}`);
      labels[label] = value;
      at = end;
      take(blanks);
      if (line[at] === ",") at += 1;
      else if (line[at] !== "}") fail(`misses "," or "}" after the label ${label}`);
    }
    at += 1;
  }
  const rest = line.slice(at);
  if (!/^[ \t]/.test(rest)) fail(`has no blank between the series and its value`);
  const [valueText, timestampText, ...extra] = rest.trim().split(/[ \t]+/);
  if (extra.length > 0) fail(`has text after the timestamp`);
  const value = parseValue(valueText ?? "");
  if (value === undefined) fail(`has a value that is not a number: "${valueText}"`);
  if (timestampText === undefined) return { name, labels, value: value! };
  const timestamp = Number(timestampText);
  if (!/^-?\d+$/.test(timestampText) || !Number.isSafeInteger(timestamp))
    fail(`has a timestamp that is not milliseconds: "${timestampText}"`);
  return { name, labels, value: value!, timestamp };
}

/** Reads a label value from just after its opening quote: \\, \" and \n are the only escapes. */
function readQuoted(line: string, start: number, fail: (message: string) => never) {
  let value = "";
  for (let i = start; i < line.length; i += 1) {
    const char = line[i]!;
    if (char === '"') return { value, end: i + 1 };
    if (char !== "\\") {
      value += char;
      continue;
    }
    i += 1;
    const escaped = line[i];
    if (escaped === "\\" || escaped === '"') value += escaped;
    else if (escaped === "n") value += "\n";
    else fail(`has an invalid escape "\\${escaped ?? ""}" in a label value`);
  }
  return fail("has a label value without its closing quote");
}

function parseValue(text: string): number | undefined {
  if (/^[+-]?inf$/i.test(text)) return text.startsWith("-") ? -Infinity : Infinity;
  if (/^nan$/i.test(text)) return NaN;
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return Number(text);
  return undefined;
}

/** `name{a="b",c="d"}` with labels sorted and escaped, as Prometheus prints a series. */
export function seriesName(name: string, labels: Record<string, string>): string {
  const pairs = Object.entries(labels)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([label, value]) => `${label}="${value.replace(/[\\"]/g, "\\$&").replace(/\n/g, "\\n")}"`);
  return pairs.length === 0 ? name : `${name}{${pairs.join(",")}}`;
}
