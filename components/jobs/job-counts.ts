// A run's counts as text: { samples: 3, failed: 1 } → "samples 3 · failed 1".
import { formatCount } from "@/lib/api-client/format";

export function formatCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([name, value]) => `${name} ${formatCount(value)}`)
    .join(" · ");
}
