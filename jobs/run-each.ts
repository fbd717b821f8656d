import type { JobContext } from "./types";

/**
 * Runs `work` for every item at once; one item's failure does not stop the others. Throws one
 * error naming every item that failed, so the JobRun records them all. While an item runs, its
 * label is in `context.inProgress`, so a run that times out names what it was still waiting for.
 */
export async function runEach<T>(
  items: readonly T[],
  label: (item: T) => string,
  context: Pick<JobContext, "count" | "signal" | "inProgress">,
  work: (item: T) => Promise<void>,
): Promise<void> {
  const results = await Promise.allSettled(
    items.map(async (item) => {
      const name = label(item);
      context.inProgress.add(name);
      try {
        await work(item);
      } finally {
        context.inProgress.delete(name);
      }
    }),
  );
  context.signal.throwIfAborted();
  const failures = results.flatMap((result, i) => {
    if (result.status === "fulfilled") return [];
    const item = items[i] as T;
    const message = (result.reason as Error)?.message ?? String(result.reason);
    // Source errors already name their source; others get the item's label.
    return [message.startsWith(`${label(item)}: `) ? message : `${label(item)}: ${message}`];
  });
  context.count("failed", failures.length);
  if (failures.length > 0) throw new Error(failures.join("\n"));
}
