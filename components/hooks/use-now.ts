"use client";
// The current time for "3 min ago" texts, ticking every few seconds. While the server renders and
// the browser hydrates it is null, so both render the same text (relative to the data's own
// `generatedAt`) and nothing mismatches; right after hydration it becomes the real clock.
import { useSyncExternalStore } from "react";

const TICK_MS = 5_000;

let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const notify of listeners) notify();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) clearInterval(timer);
  };
}

export function useNow(): number | null {
  return useSyncExternalStore(
    subscribe,
    () => now,
    () => null,
  );
}

const noSubscription = () => () => {};

/** False while the server renders and the browser hydrates, true afterwards. */
export function useIsClient(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
