// What a milestone post may say: the {variables} each kind of milestone offers, and the default
// texts. A default is a list tried in order: the first whose variables all have values is used,
// so a post never says "unknown" where a number was meant to be. Pure data; the configuration
// checks templates against it when it loads.

export const templateVariables = {
  metric: ["service", "label", "value", "metric", "elapsed"],
  rank: ["service", "label", "value", "rank", "threshold", "where", "source"],
  "best-rank": ["service", "label", "value", "rank", "previous", "source"],
  "country-first": ["service", "label", "value", "country", "source"],
  velocity: ["service", "label", "value", "metric", "period", "date", "previous"],
  time: ["service", "label", "value", "period", "metric", "total", "rank", "uptime"],
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
  rank: ["{service} is now {rank} {where} ({source})"],
  "best-rank": ["{service} is now {rank} worldwide ({source}), up from {previous}"],
  "country-first": ["{service} is #1 in {country} ({source})"],
  velocity: ["Record {period} for {service}: {value} new {metric} ({date})"],
  time: [
    "{service}'s first {period}: {value} new {metric}, best rank {rank}, {uptime} uptime",
    "{service}'s first {period}: {value} new {metric}, {uptime} uptime",
    "{service}'s first {period}: {value} new {metric}, best rank {rank}",
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
