import { z } from "zod";
import { json, type Route, type SimContext, type SimRequest, type SimResponse } from "../http";
import { cloudflareBucket } from "../model/buckets";
import { buildRankList } from "../model/rank-list";
import { publishedAt, rankAt, scopesOf } from "../model/ranks";
import { hashUnit } from "../model/seeded";
import { HOUR_MS } from "../model/time";
import type { Scenario } from "../scenario";

// Content categories in the shape Radar attaches them to domains (the ids are illustrative).
const FILE_SHARING = { id: 81, name: "File Sharing", superCategoryId: 26 };
const FILLER_CATEGORIES = [
  { id: 89, name: "News & Media", superCategoryId: 3 },
  { id: 173, name: "Shopping & Auctions", superCategoryId: 21 },
  { id: 145, name: "Search Engines", superCategoryId: 26 },
  { id: 149, name: "Social Networks", superCategoryId: 21 },
  { id: 164, name: "Video Streaming", superCategoryId: 6 },
];
const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

const topQuery = z.object({
  location: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(5),
});

function envelope(result: unknown, status = 200, errors: object[] = []): SimResponse {
  return json({ success: errors.length === 0, errors, messages: [], result }, status);
}

/** Radar answers only to a valid API token, like every Cloudflare API. */
function withToken(
  handle: (request: SimRequest, context: SimContext) => SimResponse,
): Route["handle"] {
  return (request, context) =>
    request.headers.authorization === `Bearer ${context.radarToken}`
      ? handle(request, context)
      : envelope(null, 401, [{ code: 10000, message: "Authentication error" }]);
}

function isTracked(scenario: Scenario, domain: string): boolean {
  return [scenario.service.domain, ...scenario.competitors.map((c) => c.domain)].includes(domain);
}

function describeDates(scenario: Scenario, t: Date) {
  const endTime = publishedAt(scenario, "cloudflare", t);
  const startTime = new Date(+endTime - scenario.sources.cloudflare.intervalHours * HOUR_MS);
  return { dateRange: [{ startTime: startTime.toISOString(), endTime: endTime.toISOString() }] };
}

const domainDetails: Route = {
  pattern: /^\/radar\/client\/v4\/radar\/ranking\/domain\/(?<domain>[^/]+)$/,
  example: "/radar/client/v4/radar/ranking/domain/stashbox.test",
  summary: "Cloudflare Radar domain rank (Bearer token): rank in the top 100, else a bucket",
  handle: withToken(({ t, params }, { scenario }) => {
    const domain = params.domain!.toLowerCase();
    const rank = rankAt(scenario, domain, "cloudflare", "global", t);
    const topLocations = scopesOf(scenario, "cloudflare")
      .filter((scope) => scope !== "global")
      .map((code) => ({ code, rank: rankAt(scenario, domain, "cloudflare", code, t) }))
      .filter((location): location is { code: string; rank: number } => location.rank !== null)
      .sort((a, b) => a.rank - b.rank)
      .map(({ code, rank }) => ({ locationCode: code, locationName: regionNames.of(code), rank }));
    const details = {
      categories: isTracked(scenario, domain) ? [FILE_SHARING] : [],
      top_locations: topLocations,
      ...(rank !== null && rank <= 100 ? { rank } : { bucket: cloudflareBucket(rank) }),
    };
    return envelope({ details_0: details, meta: describeDates(scenario, t) });
  }),
};

const topDomains: Route = {
  pattern: "/radar/client/v4/radar/ranking/top",
  example: "/radar/client/v4/radar/ranking/top?location=NZ&limit=10",
  summary: "Cloudflare Radar top domains (Bearer token), globally or ?location=XX",
  handle: withToken(({ t, query }, { scenario }) => {
    const parsed = topQuery.safeParse(Object.fromEntries(query));
    if (!parsed.success) {
      return envelope(null, 400, [{ code: 10001, message: z.prettifyError(parsed.error) }]);
    }
    const scope = parsed.data.location?.toUpperCase() ?? "global";
    const list = buildRankList(scenario, "cloudflare", scope, t, parsed.data.limit);
    const top = list.map((domain, i) => ({
      rank: i + 1,
      domain,
      categories: isTracked(scenario, domain)
        ? [FILE_SHARING]
        : [FILLER_CATEGORIES[Math.floor(hashUnit(domain) * FILLER_CATEGORIES.length)]!],
    }));
    return envelope({ top_0: top, meta: describeDates(scenario, t) });
  }),
};

export const radarRoutes: Route[] = [domainDetails, topDomains];
