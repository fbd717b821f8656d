// A monitor that is down is a major outage only if its whole component is down with it: when the
// component has other monitors, each of them must have been down at some point during the outage
// (an outage of theirs overlaps it); otherwise it is partial. Pure; record-outages.ts feeds it.
import type { OutageSeverity } from "./component-status";

export type Span = { start: Date; end: Date | null };

export function overlaps(a: Span, b: Span): boolean {
  const aEnd = a.end?.getTime() ?? Infinity;
  const bEnd = b.end?.getTime() ?? Infinity;
  return a.start.getTime() < bEnd && b.start.getTime() < aEnd;
}

/**
 * The severity of a down window given, for every other monitor of its component, the spans when
 * it was down. Degraded stays degraded; no other monitors means major.
 */
export function componentSeverity(
  window: Span & { severity: OutageSeverity },
  othersDown: readonly (readonly Span[])[],
): OutageSeverity {
  if (window.severity === "degraded") return "degraded";
  return othersDown.every((spans) => spans.some((span) => overlaps(span, window)))
    ? "major"
    : "partial";
}
