// Cloudflare Radar's ranking answers, checked with zod and read into readings. Every answer is an
// envelope {success, errors, messages, result}; a domain's details give its rank inside the top
// 100, else a bucket ("200" ... ">200000"), and its rank in its top locations; a location's top
// list gives ranks 1–100 there. Readings are dated when they were fetched (`now`), not by the day
// of data Radar says it ranked: Radar may rank that day again differently, and a bucket it gives
// at 14:05 must not be told as the rank of midnight (decision 0004).
import { z } from "zod";
import { SourceError } from "@/lib/errors";
import { radarBucket } from "@/lib/rank/rank-text";
import type { RankReading, RankValue } from "@/lib/rank/rank-types";
import { checkAnswer, parseJsonAnswer } from "./answer-json";

const envelope = z.object({
  success: z.boolean(),
  errors: z.array(z.looseObject({ code: z.number().optional(), message: z.string() })),
  result: z.unknown(),
});

const countryCode = z
  .string()
  .regex(/^[A-Za-z]{2}$/, "a two-letter country code")
  .transform((code) => code.toUpperCase());
const rank = z.number().int().positive();

const domainResult = z.object({
  details_0: z.object({
    rank: rank.optional(),
    bucket: z.union([z.string(), z.number()]).transform(String).optional(),
    top_locations: z.array(z.object({ locationCode: countryCode, rank })).default([]),
  }),
});

const topResult = z.object({
  top_0: z.array(z.object({ rank, domain: z.string().transform((d) => d.toLowerCase()) })),
});

/** The result of a successful answer; a failed one (status or success: false) names its errors. */
export function openRadarEnvelope(
  status: number,
  body: string,
  where: { source: string; what: string },
): unknown {
  let answer: z.output<typeof envelope> | null = null;
  try {
    answer = parseJsonAnswer(body, envelope, where);
  } catch (error) {
    if (status === 200) throw error;
  }
  if (status === 200 && answer?.success) return answer.result;
  const reasons = answer?.errors.map((e) => (e.code ? `${e.message} (${e.code})` : e.message));
  const said = reasons?.length ? `: ${reasons.join("; ")}` : "";
  const failed = status === 200 ? "answered success: false" : `answered HTTP ${status}`;
  throw new SourceError("http", where.source, `${where.what} ${failed}${said}`);
}

/** A domain's global reading and one exact reading per top location, dated `now` (the fetch). */
export function radarDomainReadings(
  result: unknown,
  domain: string,
  now: Date,
  source: string,
): RankReading[] {
  const what = `the Radar rank of ${domain}`;
  const { details_0: details } = checkAnswer(result, domainResult, { source, what });
  const at = now;
  let value: RankValue | null;
  if (details.rank !== undefined) value = { kind: "exact", rank: details.rank };
  else if (details.bucket !== undefined) value = radarBucket(details.bucket);
  else throw new SourceError("parse", source, `${what} has neither a rank nor a bucket`);
  if (value === null) {
    throw new SourceError("parse", source, `${what} is in an unknown bucket "${details.bucket}"`);
  }
  return [
    { domain, scope: "global", at, value },
    ...details.top_locations.map(({ locationCode, rank: place }) => ({
      domain,
      scope: locationCode,
      at,
      value: { kind: "exact" as const, rank: place },
    })),
  ];
}

/** The ranks in one location's top list, dated `now` (the fetch). */
export function radarTopRanks(
  result: unknown,
  location: string,
  now: Date,
  source: string,
): { at: Date; ranks: Map<string, number> } {
  const what = `the Radar top list of ${location}`;
  const { top_0: top } = checkAnswer(result, topResult, { source, what });
  const ranks = new Map<string, number>();
  for (const entry of top) if (!ranks.has(entry.domain)) ranks.set(entry.domain, entry.rank);
  return { at: now, ranks };
}

/**
 * The readings a location's top list gives the tracked domains that their own answers did not
 * rank there (`ranked` holds "domain scope"): the place in the list, or beyond its `limit`.
 */
export function radarLocationReadings(
  domains: readonly string[],
  location: string,
  top: { at: Date; ranks: ReadonlyMap<string, number> },
  ranked: ReadonlySet<string>,
  limit: number,
): RankReading[] {
  return domains
    .filter((domain) => !ranked.has(`${domain} ${location}`))
    .map((domain) => {
      const rank = top.ranks.get(domain);
      return {
        domain,
        scope: location,
        at: top.at,
        value:
          rank === undefined
            ? { kind: "bucket", min: limit + 1, max: null }
            : { kind: "exact", rank },
      };
    });
}
