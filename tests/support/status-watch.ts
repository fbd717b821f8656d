// What the public sees, read the way a visitor's browser and a widget read it: the status page's
// HTML (its banner's indicator) and /api/v2/summary.json, from each web process. Used by the
// live-status test and by `npm run bench -- status-lag`.
import { setTimeout as sleep } from "node:timers/promises";

export type Indicator = "none" | "minor" | "major" | "critical" | "maintenance";

/** The indicator the page and the API give now; null when they disagree or do not answer. */
export async function shownIndicator(base: string): Promise<Indicator | null> {
  try {
    const [page, summary] = await Promise.all([
      fetch(`${base}/status`, { signal: AbortSignal.timeout(5_000) }),
      fetch(`${base}/api/v2/summary.json`, { signal: AbortSignal.timeout(5_000) }),
    ]);
    if (page.status !== 200 || summary.status !== 200) return null;
    const html = await page.text();
    const json = (await summary.json()) as { status: { indicator: Indicator } };
    const banner = html.match(/data-indicator="(\w+)"/)?.[1];
    return banner === json.status.indicator ? (banner as Indicator) : null;
  } catch {
    return null;
  }
}

/**
 * Milliseconds from `since` until each web process first showed `expected` (in its page and its
 * API alike), polling every `everyMs`; Infinity for one that did not within `timeoutMs`.
 */
export async function timesUntilShown(
  bases: string[],
  expected: Indicator,
  since: number,
  options: { timeoutMs: number; everyMs?: number },
): Promise<number[]> {
  const everyMs = options.everyMs ?? 100;
  return Promise.all(
    bases.map(async (base) => {
      while (Date.now() - since < options.timeoutMs) {
        if ((await shownIndicator(base)) === expected) return Date.now() - since;
        await sleep(everyMs);
      }
      return Number.POSITIVE_INFINITY;
    }),
  );
}

/** The p-th percentile (0..100) of `values`, nearest rank. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
