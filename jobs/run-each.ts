import type { JobContext } from "./types";

/**
 * Runs `work` for every item at once; one item's failure does not stop the others. Throws one
 * error naming every item that failed, so the JobRun records them all.
 */
export async function runEach<T>(
  items: readonly T[],
  label: (item: T) => string,
  count: JobContext["count"],
  signal: AbortSignal,
  work: (item: T) => Promise<void>,
): Promise<void> {
  const results = await Promise.allSettled(items.map((item) => work(item)));
  signal.throwIfAborted();
  const failures = results.flatMap((result, i) => {
    if (result.status === "fulfilled") return [];
    const item = items[i] as T;
    const message = (result.reason as Error)?.message ?? String(result.reason);
    // Source errors already name their source; others get the item's label.
    return [message.includes(label(item)) ? message : `${label(item)}: ${message}`];
  });
  count("failed", failures.length);
  if (failures.length > 0) throw new Error(failures.join("\n"));
}
