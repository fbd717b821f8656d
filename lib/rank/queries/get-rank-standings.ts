// The service's standing per (source, scope): its newest sample, the exact ranks 24 h and 7 d
// before it, and its best exact rank ever with when it was first reached. One query for all.
import type { Database } from "@/lib/database/client";
import { type RankRow } from "./rank-rows";

export type StandingRow = RankRow & {
  source: string;
  scope: string;
  rank_24h: number | null;
  rank_7d: number | null;
  best_rank: number | null;
  best_at: Date | null;
};

/** Every (source, scope) the service has samples in; `global` alone when `globalOnly`. */
export async function getRankStandings(
  db: Database,
  options: { globalOnly: boolean },
): Promise<StandingRow[]> {
  return db.$queryRaw<StandingRow[]>`
    WITH latest AS (
      SELECT DISTINCT ON (r.source, r.scope) r.site_id, r.source, r.scope, r.at, r.kind::text AS kind,
        r.rank, r.bucket_min, r.bucket_max
      FROM rank_sample r JOIN site s ON s.id = r.site_id
      WHERE s.is_service AND (NOT ${options.globalOnly} OR r.scope = 'global')
      ORDER BY r.source, r.scope, r.at DESC)
    SELECT l.source, l.scope, l.at, l.kind, l.rank, l.bucket_min, l.bucket_max,
      (SELECT p.rank FROM rank_sample p WHERE p.site_id = l.site_id AND p.source = l.source
         AND p.scope = l.scope AND p.at <= l.at - interval '24 hours' ORDER BY p.at DESC LIMIT 1) AS rank_24h,
      (SELECT p.rank FROM rank_sample p WHERE p.site_id = l.site_id AND p.source = l.source
         AND p.scope = l.scope AND p.at <= l.at - interval '7 days' ORDER BY p.at DESC LIMIT 1) AS rank_7d,
      best.rank AS best_rank, best.at AS best_at
    FROM latest l
    LEFT JOIN LATERAL (
      SELECT p.rank, p.at FROM rank_sample p
      WHERE p.site_id = l.site_id AND p.source = l.source AND p.scope = l.scope AND p.kind = 'exact'
      ORDER BY p.rank, p.at LIMIT 1) best ON true
    ORDER BY l.source, l.scope`;
}
