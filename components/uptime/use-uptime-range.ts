"use client";
// The Uptime page's range, held in the URL (?range=30d). A change replaces the URL through the
// History API, which Next.js's router follows, so the new range's query runs at once without a
// server render; the URL is adopted whenever it moves (back, forward, a link).
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useState } from "react";
import { parseUptimeRange } from "@/lib/api-client/uptime";
import type { UptimeRange } from "@/lib/uptime/queries/uptime-page-types";

export function useUptimeRange() {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const search = searchParams.toString();
  const [view, setView] = useState(() => ({ seen: search, range: parseUptimeRange(searchParams) }));
  let range = view.range;
  if (view.seen !== search) {
    range = parseUptimeRange(searchParams);
    setView({ seen: search, range });
  }

  const update = useCallback(
    (next: UptimeRange) => {
      setView((current) => ({ ...current, range: next }));
      window.history.replaceState(null, "", `${pathname}?${new URLSearchParams({ range: next })}`);
    },
    [pathname],
  );

  return { range, update };
}
