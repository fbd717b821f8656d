// What a milestone post may say: the {variables} each kind of milestone offers, and the default
// texts. A default is a list tried in order: the first whose variables all have values is used,
// so a post never says "unknown" where a number was meant to be. The configuration checks
// templates against it when it loads.
//
// A rank is told by {standing}: "#141" for an exact place, "top 200" for a bucket (Cloudflare
// Radar's 101-200), ">200,000" for an open one, so no template can make a bucket read as a place.
// {rank} (and a rank milestone's {value}) render the same, so older templates stay right.

export const templateVariables = {
  metric: ["service", "label", "value", "metric", "elapsed"],
  rank: ["service", "label", "value", "standing", "rank", "threshold", "where", "source"],
  "best-rank": ["service", "label", "value", "standing", "rank", "previous", "source"],
  "country-first": ["service", "label", "value", "standing", "country", "source"],
  velocity: ["service", "label", "value", "metric", "period", "date", "previous"],
  time: ["service", "label", "value", "period", "metric", "total", "standing", "rank", "uptime"],
  "outage-resolved": [
    "service",
    "label",
    "value",
    "duration",
    "successRate",
    "stablePeriod",
    "component",
  ],
} as const satisfies Record<string, readonly string[]>;

export type MilestoneKind = keyof typeof templateVariables;

export const defaultTemplates: Record<MilestoneKind, readonly string[]> = {
  metric: ["{service}: {value} {metric} in {elapsed}", "{service}: {value} {metric}"],
  rank: ["{service} is now {standing} {where} ({source})"],
  "best-rank": ["{service} is now {standing} worldwide ({source}), up from {previous}"],
  "country-first": ["{service} is {standing} in {country} ({source})"],
  velocity: ["Record {period} for {service}: {value} new {metric} ({date})"],
  time: [
    "{service}'s first {period}: {value} new {metric}, best rank {standing}, {uptime} uptime",
    "{service}'s first {period}: {value} new {metric}, {uptime} uptime",
    "{service}'s first {period}: {value} new {metric}, best rank {standing}",
    "{service}'s first {period}: {value} new {metric}",
  ],
  "outage-resolved": [
    "{service} is running stable again after an outage of {duration}: {successRate} of requests succeeding over the last {stablePeriod}",
    "{service} is running stable again after an outage of {duration}",
  ],
};

const variablePattern = /\{([A-Za-z]+)\}/g;

/** The {variables} a template uses, in order, each once. */
export function variablesIn(template: string): string[] {
  return [...new Set([...template.matchAll(variablePattern)].map((m) => m[1]!))];
}

/** The variables a template uses that its kind of milestone does not offer. */
export function unknownVariables(template: string, kind: MilestoneKind): string[] {
  const known: readonly string[] = templateVariables[kind];
  return variablesIn(template).filter((name) => !known.includes(name));
}

/** The variables that write a rank with its own "#" ("#141", or "top 200" for a bucket). */
const rankVariables = new Set(["standing", "rank", "previous"]);
const rankKinds = new Set<MilestoneKind>(["rank", "best-rank", "country-first", "time"]);

/**
 * What a template should be when it would misstate a rank, or null: "#{standing}" prints "##141" for a place and
 * "#top 200" for a bucket, so a "#" before a rank variable (or a rank milestone's {value}) is
 * refused when the configuration loads.
 */
export function misreadRank(template: string, kind: MilestoneKind): string | null {
  if (!rankKinds.has(kind)) return null;
  const hashed = [...template.matchAll(/#\{([A-Za-z]+)\}/g)]
    .map((m) => m[1]!)
    .filter((name) => rankVariables.has(name) || (name === "value" && kind !== "time"));
  if (hashed.length === 0) return null;
  return `a template without "#" before {${hashed[0]}}, which writes its own ("#141", or "top 200" for a bucket)`;
}

/** Replaces each {variable}; null when one the template uses has no value. */
export function fillTemplate(
  template: string,
  values: Readonly<Record<string, string | undefined>>,
): { text: string; missing: null } | { text: null; missing: string } {
  const missing = variablesIn(template).find((name) => values[name] === undefined);
  if (missing !== undefined) return { text: null, missing };
  return {
    text: template.replace(variablePattern, (_, name: string) => values[name]!),
    missing: null,
  };
}
