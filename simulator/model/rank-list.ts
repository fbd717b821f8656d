import type { RankSource, Scenario } from "../scenario";
import { pinnedRanks } from "./ranks";
import { hashUnit } from "./seeded";

const FILLER_SPACE = 1_000_000;
// Coprime to FILLER_SPACE, so index → name is a bijection and no filler name repeats in a list.
const FILLER_STRIDE = 7919;
const HOST_PREFIXES = ["www", "cdn", "api", "mail", "static"];

/** The index-th filler site of a list; Umbrella lists DNS names, so some fillers are hosts. */
function fillerDomain(scenario: Scenario, source: RankSource, scope: string, index: number) {
  const offset = Math.floor(hashUnit(scenario.seed, source, scope) * FILLER_SPACE);
  const number = (index * FILLER_STRIDE + offset) % FILLER_SPACE;
  const domain = `site-${String(number).padStart(6, "0")}.test`;
  if (source !== "umbrella") return domain;
  const roll = hashUnit(scenario.seed, "host", index);
  return roll < 0.25 ? `${HOST_PREFIXES[Math.floor(roll * 20)]}.${domain}` : domain;
}

/**
 * The list a source publishes for the period containing t: entry i holds rank i + 1. Tracked
 * sites sit at their pinned ranks; fillers keep their order, so a climbing site pushes them down.
 */
export function buildRankList(
  scenario: Scenario,
  source: RankSource,
  scope: string,
  t: Date,
  length: number = scenario.listLength,
): string[] {
  const pinned = new Map<number, string>();
  for (const [domain, rank] of pinnedRanks(scenario, source, scope, t)) pinned.set(rank, domain);
  const list: string[] = [];
  let fillers = 0;
  for (let rank = 1; rank <= length; rank++) {
    list.push(pinned.get(rank) ?? fillerDomain(scenario, source, scope, fillers++));
  }
  return list;
}
