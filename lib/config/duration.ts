const units = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

const pattern = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/;

/** Parses "250ms", "30s", "5m", "1h", "7d" to milliseconds; null when the text is not a duration. */
export function parseDuration(text: string): number | null {
  const match = pattern.exec(text.trim());
  if (!match) return null;
  return Math.round(Number(match[1]) * units[match[2] as keyof typeof units]);
}
