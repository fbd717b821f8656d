"use client";
// The Rank page's view, held in the URL (?range=7d&source=tranco&hide=dropfile.test). Changes
// replace the URL through the History API, which Next.js's router follows: the browser's query for
// the new range runs at once and no server render is needed for a checkbox. The router reports the
// new URL a moment later, so the view shows the choice at once and adopts the URL whenever it moves
// (back, forward, a link). A link to the URL opens the same view.
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useState } from "react";
import { parseRankState, rankSearch, type RankState } from "@/lib/api-client/rank";

export function useRankState() {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const search = searchParams.toString();
  const [view, setView] = useState(() => ({ seen: search, state: parseRankState(searchParams) }));
  let state = view.state;
  if (view.seen !== search) {
    state = parseRankState(searchParams);
    setView({ seen: search, state });
  }

  const update = useCallback(
    (next: RankState) => {
      setView((current) => ({ ...current, state: next }));
      window.history.replaceState(null, "", `${pathname}?${rankSearch(next)}`);
    },
    [pathname],
  );

  return { state, update };
}
