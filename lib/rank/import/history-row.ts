// One row of a rank history file, whatever the file's format: when, whose rank, from which
// source, in which scope, and the rank as a number or a text ("1,234", "top 5,000", "-"). Each
// field is checked; the first bad one rejects the file, named with its line or index.
import { z } from "zod";
import { domain as domainName, key } from "@/lib/config/fields";
import { ValidationError } from "@/lib/errors";
import { parseRankText } from "@/lib/rank/rank-text";
import type { RankReading, RankValue } from "@/lib/rank/rank-types";
import { parseDay } from "@/lib/rank/sources/published-at";
import { describeFound } from "@/lib/validation";

/** A row as the file states it. */
export type HistoryRowInput = {
  date: string;
  domain: string;
  source: string;
  scope?: string | null;
  rank: string | number | null;
};

/** Where a row sits, for messages: "ranks.csv line 4" or "ranks.json [3]". */
export type RowPlace = { label: string; field: (name: string) => string };

export type HistoryRow = { source: string; reading: RankReading; place: RowPlace };

const isoTime = z.iso.datetime({ offset: true });

export function rowError(place: RowPlace, field: string, expected: string, found: unknown) {
  return new ValidationError(
    `${place.field(field)}: expected ${expected}, found ${describeFound(found)}`,
  );
}

function readTime(text: string): Date | null {
  return parseDay(text) ?? (isoTime.safeParse(text).success ? new Date(text) : null);
}

function readRank(rank: HistoryRowInput["rank"]): RankValue | null {
  if (rank === null) return { kind: "unranked" };
  if (typeof rank === "number") {
    return Number.isSafeInteger(rank) && rank >= 1 ? { kind: "exact", rank } : null;
  }
  return parseRankText(rank);
}

export function readHistoryRow(input: HistoryRowInput, place: RowPlace): HistoryRow {
  const fail = (field: string, expected: string, found: unknown): never => {
    throw rowError(place, field, expected, found);
  };
  const at =
    readTime(input.date.trim()) ??
    fail("date", "YYYY-MM-DD or an ISO 8601 time with its offset", input.date);
  const domain = input.domain.trim().toLowerCase();
  if (!domainName.safeParse(domain).success) fail("domain", "a domain name", input.domain);
  const source = input.source.trim();
  if (!key.safeParse(source).success) fail("source", "a rank source's key", input.source);
  const scopeText = input.scope?.trim() ?? "";
  const scope =
    scopeText === "" || scopeText.toLowerCase() === "global"
      ? "global"
      : /^[A-Za-z]{2}$/.test(scopeText)
        ? scopeText.toUpperCase()
        : fail("scope", '"global" or a two-letter country code', input.scope);
  const value =
    readRank(input.rank) ??
    fail("rank", 'a rank such as 141, "1,234", "top 5,000", ">200000" or "-"', input.rank);
  return { source, reading: { domain, scope, at, value }, place };
}

/**
 * Rows grouped by source, sources in the order they first appear, rows in file order. The same
 * (source, domain, scope, time) twice is a contradiction the file must settle: it is refused.
 */
export function groupBySource(rows: HistoryRow[]): { source: string; readings: RankReading[] }[] {
  const seen = new Map<string, RowPlace>();
  const groups = new Map<string, RankReading[]>();
  for (const { source, reading, place } of rows) {
    const id = `${source} ${reading.domain} ${reading.scope} ${reading.at.toISOString()}`;
    const earlier = seen.get(id);
    if (earlier) {
      throw new ValidationError(
        `${place.label} repeats ${earlier.label}: ${source}, ${reading.domain}, ${reading.scope}, ${reading.at.toISOString()}`,
      );
    }
    seen.set(id, place);
    const group = groups.get(source) ?? [];
    group.push(reading);
    groups.set(source, group);
  }
  return [...groups].map(([source, readings]) => ({ source, readings }));
}
