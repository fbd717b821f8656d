import { publishedAt, rankAt, scopesOf } from "../model/ranks";
import { HOUR_MS } from "../model/time";
import type { Scenario } from "../scenario";

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

export interface CountryRank {
  code: string;
  name: string;
  rank: number;
}

export interface AlexaView {
  domain: string;
  rank: number | null;
  /** Change since the previous publication; negative is a climb. */
  delta: number | null;
  countries: CountryRank[];
}

/** "https://www.Stashbox.test/pricing" → "stashbox.test", as Alexa keyed its data. */
export function normaliseSite(input: string): string {
  return input
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, "")
    .replace(/[/?#].*$/, "")
    .replace(/^www\./, "");
}

export function describeAlexa(scenario: Scenario, domain: string, t: Date): AlexaView {
  const rank = rankAt(scenario, domain, "alexa", "global", t);
  const before = new Date(
    +publishedAt(scenario, "alexa", t) - scenario.sources.alexa.intervalHours * HOUR_MS,
  );
  const previous = rankAt(scenario, domain, "alexa", "global", before);
  const countries = scopesOf(scenario, "alexa")
    .filter((scope) => scope !== "global")
    .map((code) => ({ code, rank: rankAt(scenario, domain, "alexa", code, t) }))
    .filter((country): country is { code: string; rank: number } => country.rank !== null)
    .map(({ code, rank }) => ({ code, name: regionNames.of(code) ?? code, rank }))
    .sort((a, b) => a.rank - b.rank);
  const delta = rank !== null && previous !== null ? rank - previous : null;
  return { domain, rank, delta, countries };
}
