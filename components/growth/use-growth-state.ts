"use client";
// The Growth page's view, held in the URL. Changes replace the URL (no reload, no history entry
// per click); the controls show the new choice at once while the page fetches it. On the first
// client render the viewer's time zone, which the server cannot know, is written into the URL.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useOptimistic, useTransition } from "react";
import {
  growthRequest,
  growthSearch,
  parseGrowthState,
  type GrowthState,
} from "@/lib/api-client/growth";
import type { RangePreset } from "@/lib/growth/growth-types";
import { isValidTimeZone } from "@/lib/time/zone";

/** The browser's own IANA zone, or UTC when it reports none Liftoff understands. */
export function viewerTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isValidTimeZone(zone) ? zone : "UTC";
}

/** `defaultRange`: the range the server chose from the data's extent, for a URL that names none. */
export function useGrowthState(configuredTimeZone: string, defaultRange: RangePreset) {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const state = useMemo(
    () => parseGrowthState(searchParams, defaultRange),
    [searchParams, defaultRange],
  );
  const [shown, showOptimistic] = useOptimistic(state);
  const [isPending, startTransition] = useTransition();

  const update = useCallback(
    (next: GrowthState) => {
      startTransition(() => {
        showOptimistic(next);
        router.replace(`${pathname}?${growthSearch(next)}`, { scroll: false });
      });
    },
    [pathname, router, showOptimistic],
  );

  // Settle the URL once: the viewer's zone when none is chosen, unknown values put right.
  useEffect(() => {
    const settled = growthSearch({ ...state, tz: state.tz ?? viewerTimeZone() });
    if (settled !== searchParams.toString()) {
      router.replace(`${pathname}?${settled}`, { scroll: false });
    }
  }, [pathname, router, searchParams, state]);

  return {
    /** The view in the URL: what the data on screen is for. */
    state,
    /** The view the controls show: the URL's, or the one being switched to. */
    shown,
    request: growthRequest(state, configuredTimeZone),
    update,
    isSwitching: isPending,
  };
}
